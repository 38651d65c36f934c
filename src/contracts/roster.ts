import { z } from 'zod';
import { Page, Text } from './common.ts';
import { InfluenceSummary } from './follow-up.ts';

export const Gender = z.enum(['male', 'female']);
export const PartyMembership = z.enum(['member', 'probationary', 'none']);
export const CadreStatus = z.enum(['in_office', 'retired', 'transferred_out', 'deceased']);

export const CadreListQuery = Page.extend({
  q: Text(100).optional(),
  unitId: z.uuid().optional(),
  jurisdictionId: z.uuid().optional(),
  status: CadreStatus.optional(),
  gender: Gender.optional(),
  partyMembership: PartyMembership.optional(),
});
export type CadreListQuery = z.infer<typeof CadreListQuery>;
export const CadreExportQuery = CadreListQuery.omit({ page: true, pageSize: true });

export const CadreListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  gender: Gender,
  birthMonth: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  position: z.string(),
  rank: z.string(),
  partyMembership: PartyMembership,
  status: CadreStatus,
  idNumberMasked: z.string(),
  mobileMasked: z.string().nullable(),
});
export type CadreListItem = z.infer<typeof CadreListItem>;

export const CadreList = z.object({
  items: z.array(CadreListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CadreDetail = z.object({
  cadre: CadreListItem.extend({ createdAt: z.string(), updatedAt: z.string(), version: z.number().int() }),
  allowedActions: z.array(z.string()),
  /** 影响期: the block on promotion and appointment today; null for readers of the roster who do not read sanctions. */
  influence: InfluenceSummary.nullable(),
});

export const RevealBody = z.object({ field: z.enum(['idNumber', 'mobile']) });
export const RevealResponse = z.object({ value: z.string().nullable() });

export const JurisdictionList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      level: z.string(),
      parentId: z.uuid().nullable(),
    }),
  ),
});

export const UnitQuery = z.object({ jurisdictionId: z.uuid().optional() });
export const UnitList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      jurisdictionId: z.uuid(),
      jurisdictionName: z.string(),
      parentId: z.uuid().nullable(),
      cadreCount: z.number().int(),
    }),
  ),
});

export const ImportQuery = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows']).default('all_or_nothing'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  jurisdictionId: z.uuid().optional(),
});

export const ImportCellError = z.object({
  row: z.number().int(),
  column: z.string(),
  columnLetter: z.string().nullable(),
  value: z.string(),
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export type ImportCellError = z.infer<typeof ImportCellError>;

export const ImportReport = z.object({
  status: z.enum(['preview', 'imported', 'rejected']),
  dryRun: z.boolean(),
  mode: z.enum(['all_or_nothing', 'valid_rows']),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(ImportCellError),
  warnings: z.array(z.object({ messageZh: z.string(), messageEn: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const AuditQuery = Page.extend({
  entityType: Text(40).optional(),
  entityId: Text(80).optional(),
  action: Text(60).optional(),
});
export const AuditList = z.object({
  items: z.array(
    z.object({
      seq: z.number().int(),
      occurredAt: z.string(),
      actor: z.string(),
      action: z.string(),
      actionLabel: z.object({ zh: z.string(), en: z.string() }),
      entityType: z.string(),
      entityId: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  total: z.number().int(),
});
