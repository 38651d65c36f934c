/**
 * Every kind of audit event, one line each. An event not listed here cannot be appended, so the log
 * stays a closed vocabulary that reports and the timeline can rely on. Procedure steps add one event
 * type per action of each procedure table (`tolerance.accept` …), labelled from the table itself.
 */
import { TOLERANCE_PROCEDURE, type ToleranceAction } from '../tolerance/procedure.ts';
import { CORRECTION_PROCEDURE, type CorrectionAction } from '../correction/procedure.ts';
import { PRE_REGISTRATION_PROCEDURE, type PreRegistrationAction } from '../pre-registration/procedure.ts';
import { CASE_ENTRY_PROCEDURE, type CaseEntryAction } from '../case-library/procedure.ts';
import { NAME_CLEARING_PROCEDURE, type NameClearingAction } from '../name-clearing/procedure.ts';
import { FOLLOW_UP_PROCEDURE, type FollowUpAction } from '../follow-up/procedure.ts';

export const AUDIT_ACTIONS = {
  /** A user signed in. */
  'auth.login': { zh: '登录', en: 'Signed in' },
  /** A sign-in attempt failed (wrong password, locked, disabled). */
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  /** A user signed out. */
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  /** A user ended all their sessions on every device (count in data). */
  'auth.logout_all': { zh: '退出所有设备', en: 'Signed out everywhere' },
  /** A user turned on two-factor sign-in (TOTP authenticator confirmed, recovery codes issued). */
  'auth.2fa_enabled': { zh: '启用双因素认证', en: 'Two-factor sign-in enabled' },
  /** Two-factor sign-in was cleared for an account (`rongcuo user reset-2fa`); its sessions ended. */
  'auth.2fa_disabled': { zh: '重置双因素认证', en: 'Two-factor sign-in reset' },
  /** A one-time recovery code was used instead of the authenticator (codes remaining in data). */
  'auth.recovery_code_used': { zh: '使用恢复码登录', en: 'Recovery code used' },
  /** An account was created (CLI, admin page or demo seed). */
  'user.created': { zh: '创建账号', en: 'Account created' },
  /** A password was reset by an administrator. */
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  /** An account was disabled. */
  'user.disabled': { zh: '停用账号', en: 'Account disabled' },
  /** A role scoped to a jurisdiction was granted. */
  'user.role_granted': { zh: '授予角色', en: 'Role granted' },
  /** A role grant was withdrawn (the role, jurisdiction and unit in data). */
  'user.role_revoked': { zh: '撤销角色', en: 'Role revoked' },
  /** A jurisdiction was created. */
  'jurisdiction.created': { zh: '新增辖区', en: 'Jurisdiction created' },
  /** A unit was created. */
  'unit.created': { zh: '新增单位', en: 'Unit created' },
  /** A cadre was added to the roster. */
  'cadre.created': { zh: '新增干部', en: 'Cadre added' },
  /** A cadre's roster record changed (the changed field names are in data, never the values of sensitive ones). */
  'cadre.updated': { zh: '修改干部信息', en: 'Cadre updated' },
  /** Someone viewed a cadre's unmasked ID number or mobile number. */
  'cadre.sensitive_revealed': { zh: '查看敏感信息', en: 'Sensitive field revealed' },
  /** A roster file was imported (counts and the file's digest in data). */
  'roster.imported': { zh: '导入干部名册', en: 'Roster imported' },
  /** The roster (or part of it) was exported. */
  'roster.exported': { zh: '导出干部名册', en: 'Roster exported' },
  /** A tolerance matter was opened (application drafted or filed, or opened ex officio). */
  'tolerance.opened': { zh: '启动容错程序', en: 'Tolerance matter opened' },
  /** A correction order was issued (with a tolerance decision, or standalone by a case officer). */
  'correction.opened': { zh: '下达纠错通知', en: 'Correction ordered' },
  /** A pre-registration was drafted or filed by a cadre or a unit. */
  'pre_registration.opened': { zh: '事前报备', en: 'Pre-registration made' },
  /** A name clearing was opened on an accusation concluded as untrue (source and deadline in data, never the accuser). */
  'name_clearing.opened': { zh: '启动澄清正名', en: 'Name clearing opened' },
  /** Commission staff viewed who made an untrue accusation (the identity itself is never in the data). */
  'name_clearing.accuser_revealed': { zh: '查看举报人信息', en: 'Accuser identity viewed' },
  /** A sanction or organisational handling was recorded against a cadre, with its influence period. */
  'sanction.recorded': { zh: '登记处分或处理', en: 'Sanction recorded' },
  /** A follow-up visit (回访教育) of a sanction was planned. */
  'follow_up.opened': { zh: '制定回访教育计划', en: 'Follow-up visit planned' },
  /** The organisation department recorded a promotion or appointment proposal (checked against influence periods). */
  'appointment.recorded': { zh: '登记提拔任用', en: 'Appointment recorded' },
  /** A decided matter was prepared as a typical case: a de-identified draft (counts of what was replaced in data, never the values). */
  'case_library.prepared': { zh: '选为典型案例', en: 'Prepared as a typical case' },
  /** An outcome was written to the cadre's outcome ledger (kind, cadre and any entry it supersedes in data). */
  'outcome_ledger.recorded': { zh: '登记结果运用台账', en: 'Outcome ledger entry recorded' },
  /** The outcome ledger (or part of it) was exported to Excel (filters and row count in data). */
  'outcome_ledger.exported': { zh: '导出结果运用台账', en: 'Outcome ledger exported' },
  /** A system was subscribed to ledger deliveries (URL and kinds in data, never the secret). */
  'webhook.subscribed': { zh: '登记结果推送订阅', en: 'Webhook subscription registered' },
  /** A webhook subscription was disabled; its pending deliveries were cancelled. */
  'webhook.disabled': { zh: '停用结果推送订阅', en: 'Webhook subscription disabled' },
  /** A receiving system acknowledged a delivery with its receipt (by signed request). */
  'webhook.acknowledged': { zh: '接收方确认推送回执', en: 'Delivery acknowledged by the receiver' },
  /** A commission set the weights of its scorecard's composite score (jurisdiction, effective date and weights in data). */
  'stats.scorecard_weights_set': { zh: '设置实施力度评价权重', en: 'Scorecard weights set' },
  /** A document was issued (signed, with its verification code). */
  'document.issued': { zh: '制发文书', en: 'Document issued' },
  /** Someone downloaded an issued document. */
  'document.downloaded': { zh: '下载文书', en: 'Document downloaded' },
  /** Someone downloaded an evidence file of a matter (entity: the matter_files row; matter id and digest in data). */
  'evidence.downloaded': { zh: '下载证据材料', en: 'Evidence downloaded' },
  /** An administrator entered or changed a year's holiday schedule. */
  'calendar.year_saved': { zh: '录入节假日安排', en: 'Holiday schedule saved' },
  /** The K County demo data was loaded. */
  'seed.demo_loaded': { zh: '载入演示数据', en: 'Demo data loaded' },
  /** Encrypted fields were re-encrypted under the active key (`rongcuo keys rotate`; counts per column in data). */
  'keys.rotated': { zh: '轮换加密密钥', en: 'Encryption keys rotated' },
  /** A backup file was written (audit head and row counts at the snapshot in data). */
  'backup.created': { zh: '备份数据', en: 'Backup created' },
  /** The database was restored from a backup (the backup's audit head in data). */
  'backup.restored': { zh: '从备份恢复数据', en: 'Restored from backup' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ProcedureAuditAction =
  | `tolerance.${ToleranceAction}`
  | `correction.${CorrectionAction}`
  | `pre_registration.${PreRegistrationAction}`
  | `case_library.${CaseEntryAction}`
  | `name_clearing.${NameClearingAction}`
  | `follow_up.${FollowUpAction}`;
export type AuditAction = keyof typeof AUDIT_ACTIONS | ProcedureAuditAction;

const PROCEDURES = {
  tolerance: TOLERANCE_PROCEDURE,
  correction: CORRECTION_PROCEDURE,
  pre_registration: PRE_REGISTRATION_PROCEDURE,
  case_library: CASE_ENTRY_PROCEDURE,
  name_clearing: NAME_CLEARING_PROCEDURE,
  follow_up: FOLLOW_UP_PROCEDURE,
} as const;

export function isAuditAction(action: string): action is AuditAction {
  return auditLabel(action) !== undefined;
}

/** The label of an audit event type in both languages, or undefined for an unknown type. */
export function auditLabel(action: string): { zh: string; en: string } | undefined {
  if (Object.hasOwn(AUDIT_ACTIONS, action)) return AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS];
  const [type, step] = action.split('.') as [string, string];
  const table = (PROCEDURES as Record<string, { actions: Record<string, { label: { zh: string; en: string } }> }>)[type];
  return table && Object.hasOwn(table.actions, step) ? table.actions[step]!.label : undefined;
}
