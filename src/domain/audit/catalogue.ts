/**
 * Every kind of audit event, one line each. An event not listed here cannot be appended, so the log
 * stays a closed vocabulary that reports and the timeline can rely on.
 */
export const AUDIT_ACTIONS = {
  /** A user signed in. */
  'auth.login': { zh: '登录', en: 'Signed in' },
  /** A sign-in attempt failed (wrong password, locked, disabled). */
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  /** A user signed out. */
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  /** An account was created (CLI, admin page or demo seed). */
  'user.created': { zh: '创建账号', en: 'Account created' },
  /** A password was reset by an administrator. */
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  /** An account was disabled. */
  'user.disabled': { zh: '停用账号', en: 'Account disabled' },
  /** A role scoped to a jurisdiction was granted. */
  'user.role_granted': { zh: '授予角色', en: 'Role granted' },
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
  /** The K County demo data was loaded. */
  'seed.demo_loaded': { zh: '载入演示数据', en: 'Demo data loaded' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}
