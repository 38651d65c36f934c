/**
 * Roster import (干部名册导入): parse → resolve units → plan an idempotent upsert keyed by the ID
 * number's blind index → write everything (cadres, per-cadre audit events, the import record) in
 * one transaction, or nothing. Re-importing the same file changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../app/deps.ts';
import { appendAuditMany, type AuditInput } from '../../audit/append.ts';
import { actorOf, can, scopeOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import { parseRosterFile } from '../../roster/parse.ts';
import type { RosterCellError, RosterParseResult, RosterRow } from '../../roster/types.ts';
import type { ImportReport } from '../../contracts/roster.ts';
import { loadImportContext, type ExistingCadre, type ImportUnit } from '../../db/queries/import-context.ts';
import { decryptMobile, encryptIdNumber, encryptMobile, ID_NUMBER_PURPOSE, normalizedIdNumber } from './sensitive-fields.ts';

export type ImportInput = {
  bytes: Uint8Array;
  filename: string;
  mode: 'all_or_nothing' | 'valid_rows';
  dryRun: boolean;
  /** Target jurisdiction; defaults to the broadest one where the user may import. */
  jurisdictionId?: string | undefined;
};

export type ImportProgress = (phase: 'parse' | 'plan' | 'write', done: number, total: number) => void;

type PlannedRow = { row: RosterRow; idNumberHash: string; unit: ImportUnit; existing?: ExistingCadre; changed: string[] };

const CHUNK = 500;
/** New cadres go in as one `insert … select … from unnest(…)` per chunk (STACK §2 (b): faster than multi-row VALUES). */
const CREATE_CHUNK = 2500;

export async function importCadres(deps: Deps, user: UserWithGrants, input: ImportInput, onProgress?: ImportProgress): Promise<{ report: ImportReport; importId: string | null }> {
  const importScope = scopeOf(user, 'roster.import');
  if (importScope.length === 0) throw new DomainError('auth.forbidden');
  const now = deps.clock.now();
  const parsed = await parseRosterFile(input.bytes, input.filename, { now, onProgress: (d, t) => onProgress?.('parse', d, t) });

  // Each ID number's blind index, computed once: it finds the stored cadre and is stored with a new one.
  const idNumberHashes = parsed.rows.map((r) => deps.keyring.blindIndex(normalizedIdNumber(r.idNumber), ID_NUMBER_PURPOSE));
  const context = await loadImportContext(deps.db, { scope: importScope, jurisdictionId: input.jurisdictionId, idNumberHashes });
  if (!context.target || !can(user, 'roster.import', context.target.path)) throw new DomainError('record.not_found', {}, 'jurisdictionId');

  const errors: RosterCellError[] = [...parsed.errors];
  const unitColumn = parsed.headerMap.unitName;
  const idColumn = parsed.headerMap.idNumber;
  const plan: PlannedRow[] = [];
  for (const [i, row] of parsed.rows.entries()) {
    const candidates = context.unitsByName.get(row.unitName) ?? [];
    if (candidates.length !== 1) {
      const ambiguous = candidates.length > 1;
      errors.push({
        row: row.row,
        column: unitColumn?.header ?? '单位',
        ...(unitColumn ? { columnLetter: unitColumn.columnLetter } : {}),
        value: row.unitName,
        code: ambiguous ? 'unit.ambiguous' : 'unit.unknown',
        messageZh: ambiguous ? `单位名称“${row.unitName}”在本辖区内不唯一，请使用单位全称` : `单位“${row.unitName}”不在本辖区的单位列表中`,
        messageEn: ambiguous ? `Unit name "${row.unitName}" is not unique in this jurisdiction; use the full name` : `Unit "${row.unitName}" is not a unit of this jurisdiction`,
      });
      continue;
    }
    const unit = candidates[0]!;
    const hash = idNumberHashes[i]!;
    const existing = context.existingByHash.get(hash);
    if (existing && !existing.inScope) {
      errors.push({
        row: row.row,
        column: idColumn?.header ?? '身份证号',
        ...(idColumn ? { columnLetter: idColumn.columnLetter } : {}),
        value: row.idNumber.slice(0, 6) + '********' + row.idNumber.slice(-4),
        code: 'cadre.other_jurisdiction',
        messageZh: '该身份证号的干部属于其他辖区，无权在此修改',
        messageEn: 'A cadre with this ID number belongs to another jurisdiction and cannot be changed here',
      });
      continue;
    }
    // A column the file does not have keeps the stored value rather than overwriting it with a default.
    const effective = existing ? keepAbsentColumns(row, existing, parsed.headerMap, () => decryptMobile(deps.keyring, existing.id, existing.mobileEnc)) : row;
    plan.push({ row: effective, idNumberHash: hash, unit, ...(existing ? { existing } : {}), changed: existing ? changedFields(deps, existing, effective, unit) : [] });
    if ((i + 1) % 5000 === 0) onProgress?.('plan', i + 1, parsed.rows.length);
  }
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));

  const badRows = new Set(errors.map((e) => e.row));
  const creates = plan.filter((p) => !p.existing);
  const updates = plan.filter((p) => p.existing && p.changed.length > 0);
  const report: ImportReport = {
    status: 'preview',
    dryRun: input.dryRun,
    mode: input.mode,
    format: parsed.format,
    encoding: parsed.encoding ?? null,
    totalRows: parsed.totalRows,
    created: creates.length,
    updated: updates.length,
    unchanged: plan.length - creates.length - updates.length,
    skipped: badRows.size,
    errors: errors.map((e) => ({ ...e, columnLetter: e.columnLetter ?? null })),
    warnings: parsed.warnings.map((w) => ({ messageZh: w.messageZh, messageEn: w.messageEn })),
  };
  if (errors.length > 0 && input.mode === 'all_or_nothing') {
    return { report: { ...report, status: 'rejected', created: 0, updated: 0, unchanged: 0, skipped: parsed.totalRows }, importId: null };
  }
  if (input.dryRun) return { report, importId: null };

  const importId = randomUUID();
  const actor = actorOf(user);
  await deps.db.transaction().execute(async (trx) => {
    const audit: AuditInput[] = [];
    // The next chunk is encrypted while the database inserts the last one.
    let inserting: Promise<unknown> = Promise.resolve();
    try {
      for (let i = 0; i < creates.length; i += CREATE_CHUNK) {
        const values = creates.slice(i, i + CREATE_CHUNK).map(({ row, idNumberHash, unit }) => {
          const id = randomUUID();
          audit.push({ actor, action: 'cadre.created', entityType: 'cadre', entityId: id, jurisdictionId: unit.jurisdictionId, data: { importId, name: row.name, unit: unit.name } });
          return { id, ...cadreColumns(deps, id, row, idNumberHash, unit) };
        });
        await inserting;
        onProgress?.('write', i, creates.length + updates.length);
        inserting = insertNewCadres(trx, values, now);
      }
    } finally {
      await inserting;
    }
    if (creates.length > 0) onProgress?.('write', creates.length, creates.length + updates.length);
    for (const [i, { row, idNumberHash, unit, existing, changed }] of updates.entries()) {
      const result = await trx
        .updateTable('cadres')
        .set((eb) => ({ ...cadreColumns(deps, existing!.id, row, idNumberHash, unit), version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', existing!.id)
        .where('version', '=', existing!.version)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) throw new DomainError('record.conflict');
      audit.push({ actor, action: 'cadre.updated', entityType: 'cadre', entityId: existing!.id, jurisdictionId: unit.jurisdictionId, data: { importId, changed } });
      if ((i + 1) % CHUNK === 0) onProgress?.('write', creates.length + i + 1, creates.length + updates.length);
    }
    await trx
      .insertInto('imports')
      .values({
        id: importId,
        kind: 'cadres',
        jurisdiction_id: context.target!.id,
        filename: input.filename.slice(0, 200),
        file_digest: sm3Hex(input.bytes),
        mode: input.mode,
        total_rows: report.totalRows,
        created_count: report.created,
        updated_count: report.updated,
        unchanged_count: report.unchanged,
        error_count: errors.length,
        errors: JSON.stringify(report.errors.slice(0, 1000)),
        actor_user_id: actor.userId,
        created_at: now,
      })
      .execute();
    audit.push({
      actor,
      action: 'roster.imported',
      entityType: 'import',
      entityId: importId,
      jurisdictionId: context.target!.id,
      data: { filename: input.filename, digest: sm3Hex(input.bytes), mode: input.mode, created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped },
    });
    await appendAuditMany(trx, audit, now);
  });
  return { report: { ...report, status: 'imported' }, importId };
}

type NewCadreRow = { id: string } & ReturnType<typeof cadreColumns>;

async function insertNewCadres(trx: Transaction<Database>, rows: NewCadreRow[], now: Date): Promise<void> {
  const col = <K extends keyof NewCadreRow>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into cadres (id, jurisdiction_id, unit_id, name, gender, birth_month, position, rank, party_membership, status,
      id_number_enc, id_number_hash, id_number_masked, mobile_enc, mobile_masked, created_at, updated_at)
    select c.*, ${now}::timestamptz, ${now}::timestamptz from unnest(
      ${col('id')}::uuid[], ${col('jurisdiction_id')}::uuid[], ${col('unit_id')}::uuid[], ${col('name')}::text[], ${col('gender')}::text[],
      ${col('birth_month')}::text[], ${col('position')}::text[], ${col('rank')}::text[], ${col('party_membership')}::text[], ${col('status')}::text[],
      ${col('id_number_enc')}::text[], ${col('id_number_hash')}::text[], ${col('id_number_masked')}::text[], ${col('mobile_enc')}::text[], ${col('mobile_masked')}::text[]
    ) as c`.execute(trx);
}

function keepAbsentColumns(row: RosterRow, existing: ExistingCadre, headerMap: RosterParseResult['headerMap'], storedMobile: () => string | null): RosterRow {
  const mobile = headerMap.mobile ? row.mobile : (storedMobile() ?? undefined);
  return {
    ...row,
    ...(mobile ? { mobile } : {}),
    ...(headerMap.partyMembership ? {} : { partyMembership: existing.partyMembership as RosterRow['partyMembership'] }),
    ...(headerMap.status ? {} : { status: existing.status as RosterRow['status'] }),
  };
}

function cadreColumns(deps: Deps, id: string, row: RosterRow, idNumberHash: string, unit: ImportUnit) {
  return {
    jurisdiction_id: unit.jurisdictionId,
    unit_id: unit.id,
    name: row.name,
    gender: row.gender,
    birth_month: row.birthMonth,
    position: row.position,
    rank: row.rank,
    party_membership: row.partyMembership,
    status: row.status,
    ...encryptIdNumber(deps.keyring, id, row.idNumber, idNumberHash),
    ...encryptMobile(deps.keyring, id, row.mobile),
  };
}

/** Names of the fields the file would change (never their values: the audit log must not leak them). */
function changedFields(deps: Deps, existing: ExistingCadre, row: RosterRow, unit: ImportUnit): string[] {
  const changed: string[] = [];
  const compare: [string, unknown, unknown][] = [
    ['name', existing.name, row.name],
    ['gender', existing.gender, row.gender],
    ['birthMonth', existing.birthMonth, row.birthMonth],
    ['unit', existing.unitId, unit.id],
    ['position', existing.position, row.position],
    ['rank', existing.rank, row.rank],
    ['partyMembership', existing.partyMembership, row.partyMembership],
    ['status', existing.status, row.status],
    ['mobile', decryptMobile(deps.keyring, existing.id, existing.mobileEnc), row.mobile ?? null],
  ];
  for (const [field, before, after] of compare) if (before !== after) changed.push(field);
  return changed;
}
