/**
 * 导出结果运用台账: the organisation department's ledger entries (its filters applied) as an Excel
 * workbook with Chinese headers, one row per entry and its effects in one cell, text-formatted and
 * formula-guarded like the roster export. ID numbers stay masked. The export is audited.
 */
import { loadExcelJs } from '../../roster/exceljs.ts';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { guardFormula, TEXT_FORMAT } from '../../roster/export.ts';
import type { LedgerFilters, OutcomeEntry } from '../../contracts/outcome-ledger.ts';
import { ledgerForExport, ledgerScope } from './read.ts';

/** One export holds at most this many entries (a county's ledger over many years fits easily). */
export const EXPORT_MAX_ROWS = 20_000;

export const LEDGER_SHEET_NAME = '结果运用台账';

/** The columns, in order: Chinese header, width, value. */
const COLUMNS: { header: string; width: number; value: (e: OutcomeEntry) => string }[] = [
  { header: '序号', width: 8, value: (e) => e.cursor },
  { header: '姓名', width: 10, value: (e) => e.cadre.name },
  { header: '身份证号（脱敏）', width: 22, value: (e) => e.cadre.idNumberMasked },
  { header: '单位', width: 24, value: (e) => e.cadre.unitName },
  { header: '职务', width: 18, value: (e) => e.cadre.position },
  { header: '类别', width: 12, value: (e) => e.kindLabel.zh },
  { header: '结果', width: 24, value: (e) => e.headline.zh },
  { header: '运用效力', width: 60, value: (e) => e.effects.map((x) => x.label.zh).join('\n') },
  { header: '适用范围', width: 30, value: (e) => e.scope },
  { header: '生效日期', width: 12, value: (e) => e.effectiveFrom },
  { header: '截止日期', width: 12, value: (e) => e.effectiveUntil ?? '' },
  { header: '来源事项', width: 22, value: (e) => e.source.matterNumber ?? '' },
  { header: '文书文号', width: 24, value: (e) => e.source.documentNumber ?? '' },
  { header: '政策版本', width: 28, value: (e) => `${e.policy.id}@${e.policy.version}` },
  { header: '状态', width: 10, value: (e) => (e.inForce ? '有效' : '已被取代') },
  { header: '作出机关', width: 16, value: (e) => e.jurisdiction.name },
  { header: '登记时间', width: 20, value: (e) => beijingTime(e.recordedAt) },
];

function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function ledgerWorkbook(entries: readonly OutcomeEntry[]): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: { numFmt: TEXT_FORMAT, alignment: { vertical: 'top', wrapText: true } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) sheet.addRow(COLUMNS.map((c) => guardFormula(c.value(entry))));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The workbook of the entries matching `filters` in the user's scope; audited with the filters and
 * the count.
 * @throws DomainError('auth.forbidden' | 'outcome_ledger.export_too_large')
 */
export async function exportLedger(
  deps: Deps,
  user: UserWithGrants,
  filters: LedgerFilters,
): Promise<Uint8Array> {
  if (ledgerScope(user).length === 0) throw new DomainError('auth.forbidden');
  const entries = await ledgerForExport(deps.db, user, filters, EXPORT_MAX_ROWS);
  if (entries.length > EXPORT_MAX_ROWS)
    throw new DomainError('outcome_ledger.export_too_large', {
      count: `${EXPORT_MAX_ROWS}+`,
      max: EXPORT_MAX_ROWS,
    });
  const bytes = await ledgerWorkbook(entries);
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'outcome_ledger.exported',
        entityType: 'outcome_ledger',
        data: { filters: { ...filters }, rows: entries.length },
      },
      now,
    ),
  );
  return bytes;
}
