/** The roles of DESIGN §2. */
export const ROLES = [
  'cadre',
  'unit_leader',
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'supervisor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  cadre: { zh: '干部', en: 'Cadre' },
  unit_leader: { zh: '单位负责人', en: 'Unit leader' },
  case_officer: { zh: '承办人', en: 'Case officer' },
  committee_member: { zh: '常委会委员', en: 'Committee member' },
  commission_leader: { zh: '主要负责人', en: 'Commission leader' },
  org_dept: { zh: '组织部', en: 'Organisation department' },
  supervisor: { zh: '上级纪委监委', en: 'Higher-level supervisor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
