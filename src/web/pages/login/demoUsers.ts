import type { Role } from '../../api/types.ts';

/** The demo accounts seeded in demo mode (DESIGN §5); all share DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'rongcuo-demo-2026';

export const DEMO_ACCOUNTS: readonly { role: Role; usernames: readonly string[] }[] = [
  { role: 'admin', usernames: ['admin'] },
  { role: 'case_officer', usernames: ['officer'] },
  { role: 'commission_leader', usernames: ['leader'] },
  {
    role: 'committee_member',
    usernames: ['committee1', 'committee2', 'committee3', 'committee4', 'committee5'],
  },
  { role: 'cadre', usernames: ['cadre'] },
  { role: 'unit_leader', usernames: ['unit'] },
  { role: 'org_dept', usernames: ['orgdept'] },
  { role: 'supervisor', usernames: ['supervisor'] },
];
