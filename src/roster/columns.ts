import type { CadreStatus, Gender, PartyMembership, RosterField } from './types.ts';

/** Column order and Chinese header used by the export and the template (and accepted on import). */
export const CANONICAL_HEADERS: readonly (readonly [RosterField, string])[] = [
  ['name', '姓名'],
  ['gender', '性别'],
  ['birthMonth', '出生年月'],
  ['unitName', '单位'],
  ['position', '职务'],
  ['rank', '职级'],
  ['partyMembership', '政治面貌'],
  ['status', '状态'],
  ['idNumber', '身份证号'],
  ['mobile', '手机号'],
];

export const REQUIRED_FIELDS: readonly RosterField[] = [
  'name',
  'gender',
  'birthMonth',
  'unitName',
  'position',
  'rank',
  'idNumber',
];

export const MAX_LENGTH: Partial<Record<RosterField, number>> = {
  name: 30,
  unitName: 100,
  position: 100,
  rank: 100,
};

/**
 * Header spellings seen in county rosters, already normalised by `normaliseHeader`
 * (NFKC, no whitespace, lower case, notes in brackets and '*' markers removed).
 */
const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '名字', 'name', 'fullname'],
  gender: ['性别', 'gender', 'sex'],
  birthMonth: [
    '出生年月',
    '出生日期',
    '出生年月日',
    '出生时间',
    '生日',
    'birth',
    'birthmonth',
    'birthdate',
    'dateofbirth',
    'dob',
  ],
  unitName: [
    '单位',
    '工作单位',
    '所在单位',
    '单位名称',
    '任职单位',
    'unit',
    'workunit',
    'organisation',
    'organization',
  ],
  position: ['职务', '现任职务', '现职务', '职位', 'position', 'post', 'title'],
  rank: ['职级', '现职级', '级别', '职务层次', '职级层次', 'rank', 'grade', 'level'],
  partyMembership: ['政治面貌', '党员', '党派', '是否党员', 'party', 'partymembership', 'politicalstatus'],
  status: ['状态', '在职状态', '人员状态', '任职状态', 'status'],
  idNumber: [
    '身份证号',
    '公民身份号码',
    '身份证',
    '身份证号码',
    '证件号码',
    '公民身份证号码',
    'idnumber',
    'id',
    'idno',
    'idcard',
    'residentid',
  ],
  mobile: [
    '手机号',
    '手机',
    '联系电话',
    '手机号码',
    '移动电话',
    '电话',
    'mobile',
    'phone',
    'mobilephone',
    'telephone',
    'tel',
  ],
};

const ALIAS_TO_FIELD = new Map<string, RosterField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as RosterField] as const),
  ),
);

/** Full-width → half-width, drop whitespace, '*' required markers and a trailing note in brackets. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/[([【].*[)\]】]$/, '')
    .replace(/[_-]/g, '')
    .toLowerCase();
}

/** The field a header names, or undefined when it is not a roster column. */
export function fieldForHeader(header: string): RosterField | undefined {
  return ALIAS_TO_FIELD.get(normaliseHeader(header));
}

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  女性: 'female',
  female: 'female',
  f: 'female',
};

/** 男/女/male/female/M/F → gender; undefined when not recognised. */
export function parseGender(value: string): Gender | undefined {
  return GENDER_WORDS[value.normalize('NFKC').replace(/\s+/g, '').toLowerCase()];
}

const PARTY_WORDS: Record<string, PartyMembership> = {
  中共党员: 'member',
  中国共产党党员: 'member',
  党员: 'member',
  是: 'member',
  member: 'member',
  中共预备党员: 'probationary',
  预备党员: 'probationary',
  probationary: 'probationary',
  群众: 'none',
  共青团员: 'none',
  团员: 'none',
  无党派人士: 'none',
  无党派: 'none',
  否: 'none',
  none: 'none',
  民主党派: 'none',
  民革党员: 'none',
  民盟盟员: 'none',
  民建会员: 'none',
  民进会员: 'none',
  农工党党员: 'none',
  致公党党员: 'none',
  九三学社社员: 'none',
  台盟盟员: 'none',
};

/** 政治面貌 → membership in the Communist Party (民主党派 members are 'none' here). */
export function parseParty(value: string): PartyMembership | undefined {
  return PARTY_WORDS[value.normalize('NFKC').replace(/\s+/g, '').toLowerCase()];
}

const STATUS_WORDS: Record<string, CadreStatus> = {
  在职: 'in_office',
  在岗: 'in_office',
  in_office: 'in_office',
  'in office': 'in_office',
  退休: 'retired',
  离休: 'retired',
  离退休: 'retired',
  retired: 'retired',
  调出: 'transferred_out',
  已调出: 'transferred_out',
  transferred_out: 'transferred_out',
  'transferred out': 'transferred_out',
  去世: 'deceased',
  已故: 'deceased',
  死亡: 'deceased',
  病故: 'deceased',
  deceased: 'deceased',
};

/** 在职/退休/调出/去世 → status. */
export function parseStatus(value: string): CadreStatus | undefined {
  return STATUS_WORDS[value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()];
}

/** Chinese words written by the export; each parses back to the same value. */
export const GENDER_ZH: Record<Gender, string> = { male: '男', female: '女' };
export const PARTY_ZH: Record<PartyMembership, string> = {
  member: '中共党员',
  probationary: '中共预备党员',
  none: '群众',
};
export const STATUS_ZH: Record<CadreStatus, string> = {
  in_office: '在职',
  retired: '退休',
  transferred_out: '调出',
  deceased: '去世',
};

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(columnIndex: number): string {
  let letters = '';
  for (let n = columnIndex; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
