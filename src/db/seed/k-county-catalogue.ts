/**
 * What the demo counties are made of: townships, units and their posts. Every name is generic
 * (城关镇, 县财政局 …) and every person fictional; the order of each list fixes the unit codes.
 */

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

/** How a unit's non-leading staff are ranked (职级 / 等级). */
export type RankScheme = 'civil' | 'judge' | 'prosecutor' | 'institution' | 'none';

/** The demo accounts' cadres (linked to users `cadre`, `unit`, `officer` … by the seed). */
export type DemoKey =
  | 'cadre'
  | 'unitLeader'
  | 'officer'
  | 'leader'
  | 'committee1'
  | 'committee2'
  | 'committee3'
  | 'committee4'
  | 'committee5'
  | 'orgDept';

export type Post = { position: string; rank: string; demo?: DemoKey };

export type UnitSpec = {
  name: string;
  kind: UnitKind;
  /** Cadres in the unit, leaders included. */
  size: number;
  leaders: Post[];
  /** Internal sections (股/科/室/庭); each gets a head. */
  sections?: string[];
  staffTitles?: string[];
  rankScheme?: RankScheme;
  /** Township jurisdiction code when the unit belongs to a township rather than the county. */
  township?: string;
  /** Name of the parent unit (a village's township). */
  parentUnit?: string;
};

export type CountySpec = {
  code: string;
  name: string;
  townships: [code: string, name: string][];
  units: UnitSpec[];
};

export const DEMO_PERSONS: Record<DemoKey, { name: string; gender: 'male' | 'female'; birthMonth: string }> =
  {
    cadre: { name: '张明', gender: 'male', birthMonth: '1982-06' },
    unitLeader: { name: '李华', gender: 'female', birthMonth: '1976-09' },
    officer: { name: '王强', gender: 'male', birthMonth: '1984-11' },
    leader: { name: '陈刚', gender: 'male', birthMonth: '1970-04' },
    committee1: { name: '刘洋', gender: 'male', birthMonth: '1978-02' },
    committee2: { name: '赵敏', gender: 'female', birthMonth: '1980-07' },
    committee3: { name: '孙伟', gender: 'male', birthMonth: '1975-12' },
    committee4: { name: '周静', gender: 'female', birthMonth: '1983-05' },
    committee5: { name: '吴军', gender: 'male', birthMonth: '1973-08' },
    orgDept: { name: '郑芳', gender: 'female', birthMonth: '1985-03' },
  };

const head = (position: string, rank = '正科级', demo?: DemoKey): Post =>
  demo ? { position, rank, demo } : { position, rank };
const deputies = (position: string, count: number, rank = '副科级'): Post[] =>
  Array.from({ length: count }, () => head(position, rank));

function bureau(name: string, size: number, sections: string[], extra: Post[] = []): UnitSpec {
  return {
    name,
    kind: 'government',
    size,
    leaders: [head('党组书记、局长'), ...extra, ...deputies('副局长', 3 - extra.length)],
    sections: ['办公室', ...sections],
  };
}

function township(code: string, name: string, size: number, secretary?: Post): UnitSpec {
  const isStreet = name.endsWith('街道');
  const chief = isStreet ? '办事处主任' : name.endsWith('乡') ? '乡长' : '镇长';
  const committee = isStreet ? '党工委' : '党委';
  return {
    name,
    kind: 'township',
    size,
    township: code,
    leaders: [
      secretary ?? head(`${committee}书记`),
      head(`${committee}副书记、${chief}`),
      head(`${committee}副书记`, '副科级'),
      head(isStreet ? '人大工委主任' : '人大主席', '副科级'),
      head(`${committee}委员、${isStreet ? '纪工委' : '纪委'}书记`, '副科级'),
      head(`${committee}委员、组织委员`, '副科级'),
      ...deputies(isStreet ? '办事处副主任' : `副${chief}`, 3),
    ],
    sections: ['党政综合办公室', '经济发展办公室', '社会事务办公室', '综合行政执法队'],
  };
}

function village(name: string, code: string, townshipName: string): UnitSpec {
  return {
    name,
    kind: 'village',
    size: 3,
    township: code,
    parentUnit: townshipName,
    rankScheme: 'none',
    leaders: [head('村党支部书记、村委会主任', '无'), head('村党支部副书记', '无'), head('村委会委员', '无')],
  };
}

const K_TOWNSHIPS: [string, string][] = [
  ['K01', '城关镇'],
  ['K02', '东山街道'],
  ['K03', '西河镇'],
  ['K04', '南湖镇'],
  ['K05', '北坪镇'],
  ['K06', '青石镇'],
  ['K07', '白沙乡'],
  ['K08', '柳溪乡'],
  ['K09', '松林镇'],
  ['K10', '桃源乡'],
  ['K11', '河口镇'],
  ['K12', '石桥乡'],
];
const K_TOWNSHIP_SIZES = [36, 32, 28, 28, 26, 28, 24, 24, 26, 24, 28, 24];

/** K县: the county everything in the demo happens in. */
export const K_COUNTY: CountySpec = {
  code: 'K',
  name: 'K县',
  townships: K_TOWNSHIPS,
  units: [
    {
      name: '县委办公室',
      kind: 'party',
      size: 20,
      leaders: [head('主任'), ...deputies('副主任', 3)],
      sections: ['秘书科', '信息科', '督查室', '机要科'],
    },
    {
      name: '县纪委监委',
      kind: 'party',
      size: 32,
      leaders: [
        head('县纪委书记、县监委主任', '副处级', 'leader'),
        ...deputies('县纪委副书记、县监委副主任', 2, '正科级'),
        ...(['committee1', 'committee2', 'committee3', 'committee4', 'committee5'] as const).map((key) =>
          head('县纪委常委、县监委委员', '正科级', key),
        ),
        head('第一纪检监察室主任', '一级主任科员', 'officer'),
      ],
      sections: [
        '办公室',
        '党风政风监督室',
        '信访室',
        '案件监督管理室',
        '第二纪检监察室',
        '第三纪检监察室',
        '案件审理室',
      ],
    },
    {
      name: '县委组织部',
      kind: 'party',
      size: 20,
      leaders: [
        head('县委常委、组织部部长', '副处级'),
        ...deputies('副部长', 3, '正科级'),
        head('干部科科长', '二级主任科员', 'orgDept'),
      ],
      sections: ['办公室', '组织科', '干部监督科', '公务员管理科'],
    },
    {
      name: '县委宣传部',
      kind: 'party',
      size: 14,
      leaders: [head('县委常委、宣传部部长', '副处级'), ...deputies('副部长', 2, '正科级')],
      sections: ['办公室', '宣传科', '网络信息科'],
    },
    {
      name: '县委统战部',
      kind: 'party',
      size: 10,
      leaders: [head('部长', '副处级'), ...deputies('副部长', 2, '正科级')],
      sections: ['办公室', '党派科'],
    },
    {
      name: '县委政法委',
      kind: 'party',
      size: 10,
      leaders: [head('常务副书记'), ...deputies('副书记', 2)],
      sections: ['办公室', '综治科'],
    },
    {
      name: '县政府办公室',
      kind: 'government',
      size: 20,
      leaders: [head('党组书记、主任'), ...deputies('副主任', 3)],
      sections: ['秘书科', '督查室', '政务服务科'],
    },
    bureau('县发展和改革局', 18, ['综合股', '投资股', '价格股']),
    bureau('县财政局', 24, ['预算股', '国库股', '农业股', '政府采购股']),
    bureau('县自然资源局', 24, ['国土空间规划股', '耕地保护股', '不动产登记中心']),
    bureau('县住房和城乡建设局', 22, ['建筑业管理股', '城建股', '房地产管理股']),
    bureau(
      '县农业农村局',
      26,
      ['种植业股', '畜牧兽医股', '农村经济股', '农田建设管理股'],
      [head('副局长', '副科级', 'cadre')],
    ),
    bureau('县教育局', 22, ['基础教育股', '人事股', '计划财务股']),
    bureau('县卫生健康局', 20, ['医政股', '疾病预防控制股', '基层卫生股']),
    bureau('县市场监督管理局', 22, ['食品安全股', '特种设备安全监察股', '价格监督检查股', '登记注册股']),
    bureau('县人力资源和社会保障局', 18, ['就业股', '社会保险股', '劳动关系股']),
    bureau('县生态环境局', 14, ['环境监测股', '综合行政执法大队']),
    bureau('县交通运输局', 16, ['公路股', '运输管理股']),
    bureau('县水利局', 16, ['水旱灾害防御股', '水资源管理股']),
    bureau('县应急管理局', 14, ['安全生产综合股', '应急救援股']),
    bureau('县审计局', 12, ['财政审计股', '经济责任审计股']),
    bureau('县民政局', 14, ['社会救助股', '养老服务股']),
    {
      name: '县人大常委会办公室',
      kind: 'people_congress',
      size: 10,
      leaders: [head('主任'), ...deputies('副主任', 2)],
      sections: ['秘书科', '代表联络科'],
    },
    {
      name: '县政协办公室',
      kind: 'cppcc',
      size: 8,
      leaders: [head('主任'), ...deputies('副主任', 1)],
      sections: ['秘书科'],
    },
    {
      name: '县人民法院',
      kind: 'judicial',
      size: 18,
      rankScheme: 'judge',
      staffTitles: ['审判员', '法官助理'],
      leaders: [head('党组书记、院长', '副处级'), ...deputies('副院长', 2, '正科级')],
      sections: ['立案庭', '民事审判庭', '刑事审判庭', '执行局'],
    },
    {
      name: '县人民检察院',
      kind: 'judicial',
      size: 14,
      rankScheme: 'prosecutor',
      staffTitles: ['检察员', '检察官助理'],
      leaders: [head('党组书记、检察长', '副处级'), ...deputies('副检察长', 2, '正科级')],
      sections: ['第一检察部', '第二检察部'],
    },
    {
      name: '县总工会',
      kind: 'mass_org',
      size: 8,
      leaders: [head('党组书记、常务副主席'), ...deputies('副主席', 1)],
      sections: ['办公室'],
    },
    {
      name: '县人民医院',
      kind: 'institution',
      size: 10,
      rankScheme: 'institution',
      leaders: [head('党委书记、院长'), ...deputies('副院长', 2)],
      sections: ['院办公室', '医务科'],
    },
    {
      name: '县城市建设投资有限公司',
      kind: 'enterprise',
      size: 8,
      rankScheme: 'none',
      leaders: [head('党支部书记、董事长'), head('总经理', '副科级'), head('副总经理', '副科级')],
      sections: ['财务部', '工程部'],
    },
    ...K_TOWNSHIPS.map(([code, name], index) =>
      township(
        code,
        name,
        K_TOWNSHIP_SIZES[index]!,
        name === '城关镇' ? head('党委书记', '正科级', 'unitLeader') : undefined,
      ),
    ),
    village('东关村', 'K01', '城关镇'),
    village('杨柳村', 'K03', '西河镇'),
    village('石门村', 'K06', '青石镇'),
    village('桥头村', 'K12', '石桥乡'),
  ],
};

/** A small county for cross-county comparison (about 60 cadres). */
function comparisonCounty(code: string, name: string, townships: [string, string][]): CountySpec {
  return {
    code,
    name,
    townships,
    units: [
      {
        name: '县纪委监委',
        kind: 'party',
        size: 9,
        leaders: [
          head('县纪委书记、县监委主任', '副处级'),
          ...deputies('县纪委常委、县监委委员', 3, '正科级'),
        ],
        sections: ['案件审理室'],
      },
      {
        name: '县委组织部',
        kind: 'party',
        size: 6,
        leaders: [head('县委常委、组织部部长', '副处级'), ...deputies('副部长', 1, '正科级')],
        sections: ['干部科'],
      },
      {
        name: '县政府办公室',
        kind: 'government',
        size: 5,
        leaders: [head('主任'), ...deputies('副主任', 1)],
      },
      bureau('县财政局', 6, ['预算股']),
      bureau('县农业农村局', 6, ['种植业股']),
      bureau('县住房和城乡建设局', 6, ['城建股']),
      ...townships.map(([townshipCode, townshipName]) => ({
        ...township(townshipCode, townshipName, 11),
        sections: ['党政综合办公室'],
      })),
    ],
  };
}

export const COMPARISON_COUNTIES: CountySpec[] = [
  comparisonCounty('L', 'L县', [
    ['L01', '河西镇'],
    ['L02', '龙泉镇'],
  ]),
  comparisonCounty('M', 'M县', [
    ['M01', '城南镇'],
    ['M02', '云山乡'],
  ]),
];
