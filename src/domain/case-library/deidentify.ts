/**
 * De-identification (脱敏) of a decided matter before it is published as a typical case (典型案例,
 * DESIGN §3.11): people become "某" (张明 → 张某, 王小虎 → 王某某), units are generalised by their
 * kind (K县城关镇人民政府 → 某镇政府, 县财政局 → 县某局), dates keep only the month (2026年3月5日 →
 * 2026年3月), identity, mobile, telephone, plate, bank account numbers and e-mail addresses are
 * removed; amounts stay (they are what makes a case comparable).
 *
 * Findings are `certain` (replaced automatically, and a case may not be proposed or approved while
 * one is left) or suspected (highlighted for the case officer to judge: a company or a street
 * address the dictionary does not know, a document number). Names are recognised three ways:
 * - the parties to the matter (subject, applicant, the subject unit's leaders) wherever they occur;
 * - everyone on the jurisdiction's roster, where the sentence reads them as a name — the surname is a
 *   word of its own for the segmenter (张|明 yes; 高峰期, 文明城市, 代表大会 no) and no numeral stands
 *   before it (8万元 is an amount, not Mr 万元);
 * - unknown people by pattern: a title before them (村民王五, 负责人孙志刚) or 同志 after (刘伟同志).
 */
import { isHan, segments } from './segment.ts';

export type UnitKind =
  | 'party'
  | 'government'
  | 'people_congress'
  | 'cppcc'
  | 'judicial'
  | 'mass_org'
  | 'institution'
  | 'enterprise'
  | 'township'
  | 'village'
  | 'other';
export type PlaceLevel = 'province' | 'city' | 'county' | 'township';

export type Dictionary = {
  /** The people of the matter itself: replaced wherever they occur. */
  parties: readonly string[];
  /** The jurisdiction's roster and staff: replaced where the text reads them as a name. */
  roster: readonly string[];
  units: readonly { name: string; kind: UnitKind }[];
  /** Jurisdictions (province, city, counties, townships). */
  places: readonly { name: string; level: PlaceLevel }[];
};

export const PERSONAL_DATA_KINDS = [
  'name',
  'id_number',
  'mobile',
  'phone',
  'email',
  'plate',
  'bank_account',
  'unit',
  'place',
  'date',
  'address',
  'document_number',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export type Finding = {
  start: number;
  end: number;
  kind: PersonalDataKind;
  /** Certain personal data is replaced automatically and blocks publication while left. */
  certain: boolean;
  /** What replaces it (certain findings other than names, whose pseudonym depends on the case). */
  replacement?: string;
  /** The full name of the person found, so one person keeps one pseudonym across the case. */
  person?: string;
};

// 常见姓氏: the single-character surnames that cover most of the population, and compound ones.
const SURNAMES = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ].filter((c) => !'和明时全应'.includes(c)),
);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '端木',
  '澹台',
  '第五',
];

/** Words that stand before a person's name (村民王五, 书记李强, 负责人孙志刚). */
const TITLES = [
  '村民',
  '群众',
  '居民',
  '农户',
  '农民',
  '户主',
  '业主',
  '商户',
  '干部',
  '职工',
  '员工',
  '工作人员',
  '党员',
  '书记',
  '副书记',
  '主任',
  '副主任',
  '镇长',
  '副镇长',
  '乡长',
  '副乡长',
  '县长',
  '副县长',
  '局长',
  '副局长',
  '科长',
  '副科长',
  '股长',
  '所长',
  '站长',
  '组长',
  '队长',
  '校长',
  '院长',
  '委员',
  '支书',
  '网格员',
  '会计',
  '出纳',
  '经理',
  '副经理',
  '总经理',
  '董事长',
  '老板',
  '负责人',
  '承包人',
  '承包商',
  '法定代表人',
  '法人',
  '承办人',
  '当事人',
  '申请人',
  '举报人',
  '驾驶员',
  '司机',
  '包工头',
  '施工员',
  '监理',
  '技术员',
  '同事',
];
/** Characters that end a name rather than continue it (王五|反映, 王五|和|李四). */
const NAME_STOPS = new Set([
  ...'的了在和与及等说称向对为将把被于是有也都就又还因以从到给让同一已曾后前时所签负主担任系作未不没拒并个名家户人们',
]);
/** A numeral before a "name" makes it an amount or a count (8万元, 三万元). */
const NUMERAL_BEFORE = /[\d〇零一二三四五六七八九十百千万亿两几余多]$/u;

/** Generalised name of a unit by its kind (K县城关镇人民政府 → 某镇政府, 县财政局 → 县某局). */
export function generaliseUnit(name: string, kind: UnitKind): string {
  // The commission itself decided the case and publishes it: its name identifies nobody.
  if (name.includes('纪委监委') || name.includes('纪律检查委员会')) return name;
  const level = /^[县市区省]/u.exec(name)?.[0] ?? '';
  switch (kind) {
    case 'township':
      return name.endsWith('街道') ? '某街道' : name.endsWith('乡') ? '某乡' : '某镇';
    case 'village':
      return '某村';
    case 'government':
      for (const suffix of ['局', '委员会', '办公室', '中心', '所', '站', '院', '委', '办'])
        if (name.endsWith(suffix)) return `${level}某${suffix}`;
      return `${level}某部门`;
    case 'party':
      for (const suffix of ['部', '办公室', '委', '办'])
        if (name.endsWith(suffix)) return `${level}委某${suffix}`.replace(/^委/u, '某');
      return `${level}委某部门`.replace(/^委/u, '某');
    case 'people_congress':
    case 'cppcc':
      return `${level}某机关`;
    case 'judicial':
      return name.endsWith('检察院')
        ? `${level}某检察院`
        : name.endsWith('法院')
          ? `${level}某法院`
          : `${level}某司法机关`;
    case 'mass_org':
      return `${level}某群团组织`;
    case 'institution':
      for (const suffix of ['医院', '学校', '中学', '小学', '幼儿园', '中心', '站', '所'])
        if (name.endsWith(suffix)) return `某${suffix}`;
      return '某事业单位';
    case 'enterprise':
      return name.includes('公司') ? '某公司' : '某企业';
    case 'other':
      return '某单位';
  }
}

function generalisePlace(name: string, level: PlaceLevel): string {
  for (const suffix of ['街道', '自治州', '自治县', '省', '市', '州', '盟', '县', '区', '旗', '镇', '乡'])
    if (name.endsWith(suffix)) return `某${suffix}`;
  return { province: '某省', city: '某市', county: '某县', township: '某镇' }[level];
}

/** A township unit's forms in running text (城关镇人民政府, 城关镇党委 …) and what each becomes. */
const TOWNSHIP_FORMS: [string, string][] = [
  ['人民政府', '政府'],
  ['政府', '政府'],
  ['党委', '党委'],
  ['党工委', '党工委'],
  ['街道办事处', '办事处'],
  ['办事处', '办事处'],
  ['', ''],
];
const VILLAGE_FORMS: [string, string][] = [
  ['民委员会', '村民委员会'],
  ['委会', '村委会'],
  ['党支部', '村党支部'],
  ['党总支', '村党总支'],
  ['', ''],
];

/** The dictionary, prepared once for scanning many texts. */
export type CompiledDictionary = {
  parties: Set<string>;
  partyLengths: number[];
  roster: Set<string>;
  rosterLengths: number[];
  /** Unit and place names (with their forms in text) → generalised name. */
  organisations: Map<string, string>;
  organisationLengths: number[];
};

const lengthsOf = (names: Iterable<string>) =>
  [...new Set([...names].map((n) => n.length))].sort((a, b) => b - a);
const plausibleName = (name: string) =>
  /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}$/u.test(name);

export function compileDictionary(dict: Dictionary): CompiledDictionary {
  const parties = new Set(dict.parties.filter(plausibleName));
  const roster = new Set(dict.roster.filter(plausibleName));
  const organisations = new Map<string, string>();
  const add = (text: string, replacement: string) => {
    // A longer entry is never overwritten by a shorter one's rule; the first (most specific) wins.
    if (text.length >= 2 && text !== replacement && !organisations.has(text))
      organisations.set(text, replacement);
  };
  const counties = dict.places.filter((p) => p.level === 'county').map((p) => p.name);
  const townships = dict.places.filter((p) => p.level === 'township').map((p) => p.name);
  for (const unit of dict.units) {
    const general = generaliseUnit(unit.name, unit.kind);
    if (general === unit.name) {
      // Kept as it is (the commission): its county-prefixed form reads the same generic way.
      for (const county of counties)
        if (unit.name.startsWith('县')) add(`${county}${unit.name.slice(1)}`, unit.name);
      continue;
    }
    const forms =
      unit.kind === 'township'
        ? TOWNSHIP_FORMS
        : unit.kind === 'village'
          ? VILLAGE_FORMS
          : [['', ''] as [string, string]];
    for (const [form, generalForm] of forms) {
      const replacement =
        unit.kind === 'village' && generalForm ? `某${generalForm}` : `${general}${generalForm}`;
      // 县财政局 is also written K县财政局, and without the level: 财政局.
      const bare = unit.name.slice(1);
      const prefixes = unit.name.startsWith('县')
        ? [...counties.map((c) => `${c}${bare}`), ...(bare.length >= 3 ? [bare] : [])]
        : [];
      for (const name of [...prefixes, unit.name]) {
        add(`${name}${form}`, replacement);
        // 县城关镇 … written after the county: K县城关镇人民政府.
        if (unit.kind === 'township')
          for (const county of counties) add(`${county}${name}${form}`, replacement);
        if (unit.kind === 'village') for (const t of townships) add(`${t}${name}${form}`, replacement);
      }
    }
  }
  for (const place of dict.places) {
    const general = generalisePlace(place.name, place.level);
    add(place.name, general);
    if (place.level === 'township') for (const county of counties) add(`${county}${place.name}`, general);
  }
  return {
    parties,
    partyLengths: lengthsOf(parties),
    roster,
    rosterLengths: lengthsOf(roster),
    organisations,
    organisationLengths: lengthsOf(organisations.keys()),
  };
}

type Pattern = {
  kind: PersonalDataKind;
  regex: RegExp;
  certain: boolean;
  replace?: (m: RegExpExecArray) => string;
};

const CN_DIGITS = '〇零一二三四五六七八九十';
const month = (m: string) => String(Number(m));

/** Regular personal data: numbers, addresses, dates. Order matters only for equal spans. */
const PATTERNS: Pattern[] = [
  {
    kind: 'email',
    certain: true,
    regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu,
    replace: () => '（电子邮箱略）',
  },
  // 18-digit resident identity numbers (the last may be X) and the old 15-digit ones.
  {
    kind: 'id_number',
    certain: true,
    regex: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/gu,
    replace: () => '（身份证号码略）',
  },
  {
    kind: 'id_number',
    certain: true,
    regex: /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/gu,
    replace: () => '（身份证号码略）',
  },
  {
    kind: 'bank_account',
    certain: true,
    regex: /(?<!\d)(?:\d{16}|\d{19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?!\d)/gu,
    replace: () => '（银行账号略）',
  },
  {
    kind: 'mobile',
    certain: true,
    regex: /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/gu,
    replace: () => '（手机号码略）',
  },
  {
    kind: 'phone',
    certain: true,
    regex: /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/gu,
    replace: () => '（电话号码略）',
  },
  {
    kind: 'plate',
    certain: true,
    regex:
      /(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳](?![A-Za-z0-9])/gu,
    replace: () => '（车牌号码略）',
  },
  // Dates keep their month: 2026年3月5日(至7日) / 2026-03-05 / 2026.3.5 → 2026年3月; 3月5日 → 3月.
  {
    kind: 'date',
    certain: true,
    regex:
      /(\d{4})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*[日号](?:\s*[至到—–~-]\s*(?:(\d{1,2})\s*月\s*)?\d{1,2}\s*[日号])?/gu,
    replace: (m) => `${m[1]}年${month(m[2]!)}月${m[3] && m[3] !== m[2] ? `至${month(m[3])}月` : ''}`,
  },
  {
    kind: 'date',
    certain: true,
    regex: /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/gu,
    replace: (m) => `${m[1]}年${month(m[2]!)}月`,
  },
  {
    kind: 'date',
    certain: true,
    regex: new RegExp(`([${CN_DIGITS}]{4})年([${CN_DIGITS}]{1,3})月[${CN_DIGITS}]{1,3}[日号]`, 'gu'),
    replace: (m) => `${m[1]}年${m[2]}月`,
  },
  {
    kind: 'date',
    certain: true,
    regex:
      /(?<![\d年])(\d{1,2})\s*月\s*\d{1,2}\s*[日号](?:\s*[至到—–~-]\s*(?:(\d{1,2})\s*月\s*)?\d{1,2}\s*[日号])?/gu,
    replace: (m) => `${month(m[1]!)}月${m[2] && m[2] !== m[1] ? `至${month(m[2])}月` : ''}`,
  },
  // Suspected: a building (street addresses and document numbers are found with their names below).
  { kind: 'address', certain: false, regex: /\d+(?:栋|幢|号楼)(?:\d+单元)?(?:\d+室)?/gu },
];

/** Where a name (of a company, a street, a document) starts: after a word that cannot be part of it. */
const NAME_BREAKS = new Set([
  ...'的与和同及向由在对给为从把被将是了经该其原即系跟让请委托签订约定聘用租用一个家据依照按根位于',
]);

/** The start of the name that ends at `end`: back over Chinese characters up to a break, at most `max`. */
function nameStart(text: string, end: number, max: number): number {
  let start = end;
  while (start > 0 && start > end - max) {
    const char = text[start - 1]!;
    if (!isHan(char) || NAME_BREAKS.has(char)) break;
    start -= 1;
  }
  return start;
}

/** Suspected names the dictionary does not know: companies, streets with a number, document numbers. */
const NAMED: { kind: PersonalDataKind; suffix: RegExp; max: number; min: number; ownWord?: boolean }[] = [
  {
    kind: 'unit',
    suffix:
      /(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|合作社|农场|工厂|酒店|宾馆|超市|门市部|加油站|事务所)/gu,
    max: 16,
    min: 2,
  },
  // A bureau or office by a short name the dictionary does not hold (住建局, 市场监管局).
  // The suffix must be a word of its own for the segmenter (住建|局), not the end of one (格局, 大局).
  { kind: 'unit', suffix: /(?:局|委员会|办公室)/gu, max: 6, min: 2, ownWord: true },
  { kind: 'address', suffix: /(?:路|街|巷|弄|大道)\d+号(?:院)?/gu, max: 8, min: 1 },
  { kind: 'document_number', suffix: /〔\d{4}〕\d+号/gu, max: 8, min: 1 },
];

function named(text: string, layout: Layout): Finding[] {
  const out: Finding[] = [];
  for (const { kind, suffix, max, min, ownWord } of NAMED) {
    for (const m of text.matchAll(suffix)) {
      if (ownWord && !layout.boundaries.has(m.index)) continue;
      const start = nameStart(text, m.index, max);
      const name = text.slice(start, m.index);
      if (name.length < min || name.includes('某')) continue;
      out.push({ start, end: m.index + m[0].length, kind, certain: false });
    }
  }
  return out;
}

/** Surname length of `name` (a compound surname counts two), or 0 when it starts with none. */
function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return 2;
  return SURNAMES.has(name[0] ?? '') ? 1 : 0;
}

type Layout = { starts: Map<number, number>; boundaries: Set<number> };

function layoutOf(text: string): Layout {
  const starts = new Map<number, number>();
  for (const s of segments(text)) starts.set(s.index, s.text.length);
  return { starts, boundaries: new Set([...starts.keys(), text.length]) };
}

/** The segmenter reads the text at `start` as a name of `length`: its surname a word of its own. */
function readsAsName(text: string, layout: Layout, start: number, length: number): boolean {
  const name = text.slice(start, start + length);
  const surname = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? 2 : 1;
  if (layout.starts.get(start) !== surname || !layout.boundaries.has(start + length)) return false;
  return !NUMERAL_BEFORE.test(text.slice(Math.max(0, start - 1), start));
}

/** A name after a title (村民王五): the surname, then one or two characters that read as a given name. */
function nameAt(text: string, layout: Layout, start: number): number {
  const s = surnameLength(text.slice(start, start + 2));
  if (s === 0 || layout.starts.get(start) !== s) return 0;
  const first = layout.starts.get(start + s);
  if (!first || first > 2 || ![...text.slice(start + s, start + s + first)].every(isHan)) return 0;
  if (text[start + s] === '某') return 0;
  if (first === 2) return s + 2;
  const next = start + s + 1;
  const second = layout.starts.get(next);
  const char = text[next] ?? '';
  return second === 1 && isHan(char) && !NAME_STOPS.has(char) && !TITLES.includes(text.slice(next, next + 2))
    ? s + 2
    : s + 1;
}

function people(text: string, dict: CompiledDictionary, layout: Layout): Finding[] {
  const out: Finding[] = [];
  const person = (start: number, length: number): Finding => {
    const name = text.slice(start, start + length);
    return { start, end: start + length, kind: 'name', certain: true, person: name };
  };
  for (let i = 0; i < text.length; i++) {
    // Every name starts a segment: 张明 is not inside 主张明确.
    if (!layout.boundaries.has(i)) continue;
    const party = dict.partyLengths.find((n) => dict.parties.has(text.slice(i, i + n)));
    if (party) {
      out.push(person(i, party));
      continue;
    }
    const known = dict.rosterLengths.find(
      (n) => dict.roster.has(text.slice(i, i + n)) && readsAsName(text, layout, i, n),
    );
    if (known) out.push(person(i, known));
  }
  // Unknown people named by a title before them or 同志 after them.
  for (const title of TITLES) {
    for (let at = text.indexOf(title); at !== -1; at = text.indexOf(title, at + 1)) {
      const start = at + title.length;
      const length = nameAt(text, layout, start);
      if (length > 0 && !NUMERAL_BEFORE.test(text.slice(start - 1, start))) out.push(person(start, length));
    }
  }
  for (let at = text.indexOf('同志'); at !== -1; at = text.indexOf('同志', at + 2)) {
    for (const length of [4, 3, 2]) {
      const start = at - length;
      if (start >= 0 && nameAt(text, layout, start) === length) {
        out.push(person(start, length));
        break;
      }
    }
  }
  return out;
}

function organisations(text: string, dict: CompiledDictionary): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const n of dict.organisationLengths) {
      const replacement = dict.organisations.get(text.slice(i, i + n));
      if (replacement === undefined) continue;
      out.push({ start: i, end: i + n, kind: 'unit', certain: true, replacement });
      i += n - 1;
      break;
    }
  }
  return out;
}

/**
 * Personal data in `text`, non-overlapping, in order. Where two findings overlap, the one starting
 * first wins, then the longer, then the certain one (a unit name beats the surname inside it).
 */
export function findPersonalData(text: string, dict: CompiledDictionary): Finding[] {
  const layout = layoutOf(text);
  const all: Finding[] = [
    ...organisations(text, dict),
    ...people(text, dict, layout),
    ...named(text, layout),
  ];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.regex)) {
      all.push({
        start: m.index,
        end: m.index + m[0].length,
        kind: p.kind,
        certain: p.certain,
        ...(p.replace ? { replacement: p.replace(m) } : {}),
      });
    }
  }
  // Certain findings first, and among them numbers and dates: an ID number is never read as part of
  // a name, and a suspected company name never hides a unit the dictionary knows.
  const rank = (f: Finding) => (!f.certain ? 2 : f.kind === 'unit' || f.kind === 'name' ? 1 : 0);
  all.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      Number(b.certain) - Number(a.certain),
  );
  const kept: Finding[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

const SUFFIXES = '甲乙丙丁戊己庚辛壬癸';

/** 张明 → 张某, 王小虎 → 王某某, 欧阳明辉 → 欧阳某某. */
function pseudonymBase(name: string): string {
  const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name[0]!;
  return `${surname}${'某'.repeat(Math.min(2, Math.max(1, name.length - surname.length)))}`;
}

export type DeidentifiedCase<F extends string> = {
  fields: Record<F, string>;
  /** How many items of each kind were replaced (never what they were). */
  replaced: Partial<Record<PersonalDataKind, number>>;
};

/**
 * De-identifies the fields of one case together, so each person keeps one pseudonym throughout; two
 * people who would both become 张某 are told apart as 张某甲 and 张某乙 in order of appearance.
 */
export function deidentifyCase<F extends string>(
  fields: Record<F, string>,
  dict: CompiledDictionary,
): DeidentifiedCase<F> {
  const keys = Object.keys(fields) as F[];
  const found = new Map<F, Finding[]>(keys.map((k) => [k, findPersonalData(fields[k], dict)]));
  const order: string[] = [];
  for (const k of keys)
    for (const f of found.get(k)!) if (f.person && !order.includes(f.person)) order.push(f.person);
  const byBase = new Map<string, string[]>();
  for (const name of order)
    byBase.set(pseudonymBase(name), [...(byBase.get(pseudonymBase(name)) ?? []), name]);
  const pseudonym = new Map<string, string>();
  for (const [base, names] of byBase)
    names.forEach((name, i) =>
      pseudonym.set(name, names.length > 1 ? `${base}${SUFFIXES[i] ?? i + 1}` : base),
    );

  const replaced: Partial<Record<PersonalDataKind, number>> = {};
  const out = {} as Record<F, string>;
  for (const k of keys) {
    let text = fields[k];
    for (const f of [...found.get(k)!].reverse()) {
      if (!f.certain) continue;
      const replacement = f.person ? pseudonym.get(f.person)! : f.replacement;
      if (replacement === undefined) continue;
      text = `${text.slice(0, f.start)}${replacement}${text.slice(f.end)}`;
      replaced[f.kind] = (replaced[f.kind] ?? 0) + 1;
    }
    out[k] = text;
  }
  return { fields: out, replaced };
}
