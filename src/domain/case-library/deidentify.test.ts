import { describe, expect, it } from 'vitest';
import { compileDictionary, deidentifyCase, findPersonalData, generaliseUnit } from './deidentify.ts';

/** K County as the dictionary sees it: the matter's parties, the roster, units and places. */
const DICT = compileDictionary({
  parties: ['张明', '李华'],
  roster: ['王强', '刘洋', '孙志刚', '欧阳明辉', '高峰', '万元', '文明'],
  units: [
    { name: '城关镇', kind: 'township' },
    { name: '东山街道', kind: 'township' },
    { name: '县财政局', kind: 'government' },
    { name: '县委组织部', kind: 'party' },
    { name: '县纪委监委', kind: 'party' },
    { name: '新屋村', kind: 'village' },
    { name: '县人民医院', kind: 'institution' },
    { name: '县城市建设投资有限公司', kind: 'enterprise' },
  ],
  places: [
    { name: '示范省', level: 'province' },
    { name: '示范市', level: 'city' },
    { name: 'K县', level: 'county' },
    { name: '城关镇', level: 'township' },
    { name: '东山街道', level: 'township' },
  ],
});

/** A prepared case with every kind of personal data a real account carries. */
const PREPARED = {
  title: '关于K县城关镇人民政府副镇长张明先行垫资的容错申请',
  facts:
    '2026年3月5日，K县城关镇人民政府副镇长张明（男，身份证号110101198206151234，手机138 1234 5678）' +
    '主持召开镇党委会，经县财政局同意，由镇财政先行垫资8万元启动排水改造施工。村民王小虎反映施工占用其承包地，' +
    '施工方负责人孙志刚驾驶鄂A12345车辆到场协调。承办人王强于2026-04-10到新屋村委会调查核实，' +
    '联系电话0717-1234567，电子邮箱zhangming@example.com。城关镇党委书记李华介绍情况。',
  handling:
    '张明同志出于公心推动民生工程。3月12日至15日，经县纪委监委常委会集体研究，决定予以容错免责。' +
    '高峰期间的文明城市创建任务未受影响，垫资款项8万元已全部收回。',
};

describe('de-identifying a prepared case', () => {
  const { fields, replaced } = deidentifyCase(PREPARED, DICT);
  const all = Object.values(fields).join('\n');

  it('leaves no name, ID number, phone number, plate or e-mail address', () => {
    for (const gone of [
      '张明',
      '李华',
      '王小虎',
      '孙志刚',
      '王强',
      '110101198206151234',
      '138 1234 5678',
      '0717-1234567',
      '鄂A12345',
      'zhangming@example.com',
    ])
      expect(all).not.toContain(gone);
    expect(fields.facts).toContain('副镇长张某（男，身份证号（身份证号码略），手机（手机号码略））');
    expect(fields.facts).toContain('村民王某某反映');
    expect(fields.facts).toContain('负责人孙某某驾驶（车牌号码略）车辆');
    expect(fields.facts).toContain('承办人王某于');
    expect(fields.facts).toContain('联系电话（电话号码略），电子邮箱（电子邮箱略）');
    expect(fields.handling.startsWith('张某同志出于公心')).toBe(true);
  });

  it('gives one person one pseudonym throughout, and tells apart people who would share one', () => {
    expect(fields.title).toContain('副镇长张某先行垫资');
    expect(fields.facts).toContain('镇党委书记李某介绍情况');
    const { fields: two } = deidentifyCase({ text: '王强与王五同志一起到场，王强先到。' }, DICT);
    expect(two.text).toBe('王某甲与王某乙同志一起到场，王某甲先到。');
  });

  it('generalises units and places by their kind', () => {
    expect(fields.title).toBe('关于某镇政府副镇长张某先行垫资的容错申请');
    expect(fields.facts).toContain('经县某局同意');
    expect(fields.facts).toContain('到某村委会调查核实');
    expect(fields.facts).toContain('某镇党委书记李某');
    // The commission publishes the case under its own name.
    expect(fields.handling).toContain('经县纪委监委常委会集体研究');
  });

  it('keeps dates to the month and amounts as they are', () => {
    expect(fields.facts.startsWith('2026年3月，')).toBe(true);
    expect(fields.facts).toContain('于2026年4月到');
    expect(fields.handling).toContain('3月，经县纪委监委');
    expect(all).toContain('先行垫资8万元');
    expect(all).toContain('垫资款项8万元已全部收回');
  });

  it('does not read ordinary words as roster names (高峰期间, 文明城市, 8万元)', () => {
    expect(fields.handling).toContain('高峰期间的文明城市创建任务未受影响');
  });

  it('counts what it replaced, by kind, without keeping what it was', () => {
    expect(replaced).toMatchObject({ id_number: 1, mobile: 1, phone: 1, plate: 1, email: 1 });
    expect(replaced.name).toBe(7);
    expect(replaced.date).toBe(3);
    expect(JSON.stringify(replaced)).not.toContain('张明');
  });

  it('finds nothing certain left in its own output', () => {
    for (const text of Object.values(fields))
      expect(findPersonalData(text, DICT).filter((f) => f.certain)).toEqual([]);
  });
});

describe('finding personal data in edited text', () => {
  it('reports what the officer typed back, certain or only suspected, with its place in the text', () => {
    const text = '经与宜昌早安香市场管理有限公司协商，李华同意，地址为解放路12号，依据都政规〔2019〕1号。';
    const found = findPersonalData(text, DICT).map((f) => ({
      kind: f.kind,
      certain: f.certain,
      text: text.slice(f.start, f.end),
    }));
    expect(found).toEqual([
      { kind: 'unit', certain: false, text: '宜昌早安香市场管理有限公司' },
      { kind: 'name', certain: true, text: '李华' },
      { kind: 'address', certain: false, text: '解放路12号' },
      { kind: 'document_number', certain: false, text: '都政规〔2019〕1号' },
    ]);
  });

  it('generalises a county bureau named without its level, and suspects a short name it does not know', () => {
    const text = '财政局与住建局、市场监管局配合，服务大局，构建发展新格局。';
    const { fields } = deidentifyCase({ text }, DICT);
    expect(fields.text.startsWith('县某局与住建局')).toBe(true);
    const suspected = findPersonalData(fields.text, DICT).map((f) => fields.text.slice(f.start, f.end));
    expect(suspected).toEqual(['住建局', '市场监管局']);
  });

  it('does not flag the pseudonyms and markers it writes itself', () => {
    expect(findPersonalData('张某、王某某与欧阳某某（手机号码略）在某镇政府，2026年3月。', DICT)).toEqual([]);
  });

  it('reads a party only where a name can start (not 张明 inside 主张明确)', () => {
    expect(findPersonalData('双方主张明确。', DICT)).toEqual([]);
  });

  it('reads a compound surname on the roster', () => {
    const { fields } = deidentifyCase({ t: '欧阳明辉表示同意。' }, DICT);
    expect(fields.t).toBe('欧阳某某表示同意。');
  });
});

describe('generalising a unit', () => {
  it('names it by its kind and level', () => {
    expect(generaliseUnit('城关镇', 'township')).toBe('某镇');
    expect(generaliseUnit('东山街道', 'township')).toBe('某街道');
    expect(generaliseUnit('白沙乡', 'township')).toBe('某乡');
    expect(generaliseUnit('县财政局', 'government')).toBe('县某局');
    expect(generaliseUnit('县政府办公室', 'government')).toBe('县某办公室');
    expect(generaliseUnit('县委组织部', 'party')).toBe('县委某部');
    expect(generaliseUnit('县委政法委', 'party')).toBe('县委某委');
    expect(generaliseUnit('县人民医院', 'institution')).toBe('某医院');
    expect(generaliseUnit('县城市建设投资有限公司', 'enterprise')).toBe('某公司');
    expect(generaliseUnit('新屋村', 'village')).toBe('某村');
    expect(generaliseUnit('县纪委监委', 'party')).toBe('县纪委监委');
  });
});
