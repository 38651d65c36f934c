/**
 * The scorecard as an Excel workbook (.xlsx, Chinese headers): the ranked table with every figure and
 * score, the counts it rests on, and a sheet explaining the definitions, weights and method. Withheld
 * cells are written as the text "<5" (never a number a formula could add up), exactly as the API
 * sends them — the workbook is made from the API's answer, so it cannot show more than the page.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../roster/exceljs.ts';
import type { Scorecard, ScorecardRow } from '../../contracts/scorecard.ts';
import { guardFormula } from '../../roster/export.ts';

export const SCORECARD_SHEETS = {
  table: '实施力度评价',
  counts: '基础数据',
  definitions: '指标说明',
} as const;

const UNIT_ZH = { per1000: '每千人', percent: '%', days: '工作日' } as const;
const DIRECTION_ZH = { higher: '越高越好', lower: '越低越好', neutral: '仅展示，不评分' } as const;

const value = (v: number | string | null): number | string => (v === null ? '—' : v);

function header(sheet: ExcelJS.Worksheet, row: number, labels: string[]): void {
  const r = sheet.getRow(row);
  r.values = labels;
  r.font = { bold: true };
  r.alignment = { wrapText: true, vertical: 'middle' };
}

export async function scorecardXlsx(body: Scorecard): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = '容错纠错';
  const indicators = body.definitions.indicators;
  const title = `${body.scope.name}${body.period.label.zh}容错纠错机制实施力度评价`;
  const rowsAndTotal: { row: ScorecardRow; label: string }[] = [
    // Names are entered by administrators: guarded like any free text (see guardFormula).
    ...body.rows.map((row) => ({
      row,
      label: guardFormula(row.kind === 'own' ? `${row.name}（本级）` : row.name),
    })),
    ...(body.scope.level === 'county'
      ? []
      : [{ row: body.total, label: guardFormula(`${body.total.name}合计`) }]),
  ];

  // 1. The ranked table.
  const table = workbook.addWorksheet(SCORECARD_SHEETS.table, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
  });
  table.getCell('A1').value = guardFormula(title);
  table.getCell('A1').font = { bold: true, size: 14 };
  table.getCell('A2').value = guardFormula(
    `统计期间：${body.period.from} 至 ${body.period.to}；数据截至 ${body.asOf.slice(0, 10)}；` +
      (body.suppressed
        ? '“<5”表示 1–4 件或为防止相减推算而一并隐去的数字。'
        : '本表未隐去任何数字，仅供有权查看事项的人员使用。'),
  );
  const heads = [
    '排名',
    '地区',
    '综合得分',
    '在职干部（人）',
    // Labels name their unit already, except shares: those get '（%）'.
    ...indicators.map((d) => (d.unit === 'percent' ? `${d.label.zh}（%）` : d.label.zh)),
    ...indicators.filter((d) => d.direction !== 'neutral').map((d) => `${d.label.zh}得分`),
  ];
  header(table, 4, heads);
  table.getRow(4).height = 60;
  rowsAndTotal.forEach(({ row, label }, i) => {
    table.getRow(5 + i).values = [
      row.rank === null ? '—' : row.rank,
      label,
      value(row.composite),
      row.cadres,
      ...indicators.map((d) => value(row.indicators[d.key as keyof ScorecardRow['indicators']].value)),
      ...indicators
        .filter((d) => d.direction !== 'neutral')
        .map((d) => value(row.indicators[d.key as keyof ScorecardRow['indicators']].score)),
    ];
  });
  table.columns.forEach((c, i) => (c.width = i === 1 ? 18 : 12));

  // 2. The counts.
  const counts = workbook.addWorksheet(SCORECARD_SHEETS.counts, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  header(counts, 1, ['地区', ...body.definitions.cells.map((c) => c.label.zh)]);
  counts.getRow(1).height = 48;
  rowsAndTotal.forEach(({ row, label }, i) => {
    counts.getRow(2 + i).values = [
      label,
      ...body.definitions.cells.map((c) => row.cells[c.key as keyof ScorecardRow['cells']]),
    ];
  });
  counts.columns.forEach((c, i) => (c.width = i === 0 ? 18 : 11));

  // 3. Definitions, weights and method.
  const defs = workbook.addWorksheet(SCORECARD_SHEETS.definitions);
  header(defs, 1, ['指标', '计算方法', '方向', '单位', '权重']);
  indicators.forEach((d, i) => {
    defs.getRow(2 + i).values = [
      d.label.zh,
      d.definition.zh,
      DIRECTION_ZH[d.direction],
      UNIT_ZH[d.unit],
      d.direction === 'neutral' ? '—' : d.weight,
    ];
    defs.getRow(2 + i).alignment = { wrapText: true, vertical: 'top' };
  });
  let r = 3 + indicators.length;
  defs.getCell(`A${r}`).value = '权重来源';
  defs.getCell(`A${r}`).font = { bold: true };
  defs.getCell(`B${r}`).value = body.weights.setBy
    ? guardFormula(
        `${body.weights.setBy.jurisdiction.name}自 ${body.weights.setBy.effectiveFrom} 起施行：${body.weights.setBy.reason}`,
      )
    : '系统默认权重（见 src/domain/stats/scorecard-weights.ts 的说明）';
  r += 2;
  defs.getCell(`A${r}`).value = '评价方法';
  defs.getCell(`A${r}`).font = { bold: true };
  for (const line of body.definitions.method) {
    r += 1;
    defs.getCell(`B${r}`).value = line.zh;
    defs.getRow(r).alignment = { wrapText: true, vertical: 'top' };
  }
  defs.getColumn(1).width = 26;
  defs.getColumn(2).width = 90;
  defs.getColumn(3).width = 14;
  defs.getColumn(4).width = 8;
  defs.getColumn(5).width = 8;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
