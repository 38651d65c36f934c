import { loadExcelJs } from './exceljs.ts';
import { CANONICAL_HEADERS, columnLetter, GENDER_ZH, PARTY_ZH, STATUS_ZH } from './columns.ts';
import { addRosterSheet } from './export.ts';
import type { RosterField } from './types.ts';
import { residentIdCheckChar } from '../domain/identity.ts';

/** Rows of the template that get drop-down lists (the text format covers whole columns). */
const TEMPLATE_ROWS = 1000;

/** A fictional sample: the 9999 region code does not exist, 170 is a virtual-operator range. */
const SAMPLE_ID_BODY = '99990119900115001';
export const TEMPLATE_SAMPLE_ROW = {
  name: '王示例',
  gender: '男',
  birthMonth: '1990-01',
  unitName: '县农业农村局',
  position: '科员',
  rank: '一级科员',
  partyMembership: '中共党员',
  status: '在职',
  idNumber: SAMPLE_ID_BODY + residentIdCheckChar(SAMPLE_ID_BODY),
  mobile: '17000000001',
};

const INSTRUCTIONS: readonly string[] = [
  '干部名册导入模板填写说明',
  '1. 第一个工作表“干部名册”为导入数据，第 1 行为表头，请勿修改表头文字；第 2 行为示例，导入前请删除或改为真实数据。',
  '2. 必填列：姓名、性别、出生年月、单位、职务、职级、身份证号；政治面貌、状态、手机号可不填（状态不填按“在职”）。',
  '3. 出生年月写成 1985-03 或 1985年3月；身份证号、手机号列已设置为文本，请勿改为数字格式，否则后几位会丢失。',
  '4. 单位须填写系统中已有的单位全称，例如“县农业农村局”“城关镇”。',
  '5. 同一文件重复导入不会产生重复记录：以身份证号识别同一人员。',
  'Roster import template: fill the first sheet; required columns are 姓名 性别 出生年月 单位 职务 职级 身份证号.',
];

/** The .xlsx behind the web's "download template" link: headers, one sample row, text ID/mobile columns. */
export async function buildRosterTemplate(): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = addRosterSheet(workbook);
  const sample = sheet.addRow(TEMPLATE_SAMPLE_ROW);
  sample.font = { color: { argb: 'FF808080' } };
  sheet.getCell('A2').note = '示例行：导入前请删除 / Sample row: delete before importing';

  const letterOf = (field: RosterField): string =>
    columnLetter(CANONICAL_HEADERS.findIndex(([candidate]) => candidate === field) + 1);
  const lists: Record<string, readonly string[]> = {
    [letterOf('gender')]: Object.values(GENDER_ZH),
    [letterOf('partyMembership')]: Object.values(PARTY_ZH),
    [letterOf('status')]: Object.values(STATUS_ZH),
  };
  for (let row = 2; row <= TEMPLATE_ROWS; row += 1) {
    for (const [column, values] of Object.entries(lists)) {
      sheet.getCell(`${column}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
      };
    }
  }

  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  INSTRUCTIONS.forEach((line, index) => (help.getCell(index + 1, 1).value = line));
  help.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
