/**
 * Loads the K County demo data (demo mode only): jurisdictions, units, ~800 fictional cadres and
 * one account per role, all through the same code paths and audit trail as real data.
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/append.ts';
import type { Db } from '../connect.ts';
import { encryptIdNumber, encryptMobile } from '../../usecases/roster/sensitive-fields.ts';
import { addUser } from '../../usecases/users/manage-users.ts';
import { generateKCounty, DEMO_PEOPLE } from './k-county.ts';
import { ROLE_LABELS, type Role } from '../../domain/roles.ts';
import { loadDemoMatters } from './demo-matters.ts';
import { loadDemoCaseLibrary } from './demo-case-library.ts';
import { loadDemoFollowUps } from './demo-follow-up.ts';
import { loadDemoNameClearings } from './demo-name-clearing.ts';
import { loadDemoCorrections } from './demo-corrections.ts';
import { loadDemoScorecardHistory } from './demo-scorecard.ts';

export const DEMO_PASSWORD = 'rongcuo-demo-2026';

type DemoUser = {
  username: string;
  displayName: string;
  person: keyof typeof DEMO_PEOPLE | null;
  roles: { role: Role; jurisdictionCode: string; unit?: boolean }[];
};

const COMMITTEE = ['committee1', 'committee2', 'committee3', 'committee4', 'committee5'] as const;

export const DEMO_ACCOUNTS: DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    person: null,
    roles: [{ role: 'admin', jurisdictionCode: 'K' }],
  },
  {
    username: 'officer',
    displayName: '王强',
    person: 'officer',
    roles: [{ role: 'case_officer', jurisdictionCode: 'K' }],
  },
  {
    username: 'leader',
    displayName: '陈刚',
    person: 'leader',
    roles: [
      { role: 'commission_leader', jurisdictionCode: 'K' },
      { role: 'committee_member', jurisdictionCode: 'K' },
    ],
  },
  ...COMMITTEE.map((username, i) => ({
    username,
    displayName: '',
    person: `committee${i + 1}` as keyof typeof DEMO_PEOPLE,
    roles: [{ role: 'committee_member' as const, jurisdictionCode: 'K' }],
  })),
  {
    username: 'cadre',
    displayName: '张明',
    person: 'cadre',
    roles: [{ role: 'cadre', jurisdictionCode: 'K' }],
  },
  {
    username: 'unit',
    displayName: '李华',
    person: 'unitLeader',
    roles: [{ role: 'unit_leader', jurisdictionCode: 'K', unit: true }],
  },
  {
    username: 'orgdept',
    displayName: '郑芳',
    person: 'orgDept',
    roles: [{ role: 'org_dept', jurisdictionCode: 'K' }],
  },
  {
    username: 'supervisor',
    displayName: '示范市纪委监委',
    person: null,
    roles: [{ role: 'supervisor', jurisdictionCode: 'S01' }],
  },
];

export const DEMO_USERS = DEMO_ACCOUNTS.map((u) => ({
  username: u.username,
  roleLabel: u.roles.map((r) => `${ROLE_LABELS[r.role].zh} ${ROLE_LABELS[r.role].en}`).join(' + '),
}));

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('jurisdictions').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** `matters: false` loads the organisation and accounts only (tests that build their own matters). */
export async function loadDemoData(deps: Deps, options: { matters?: boolean } = {}): Promise<void> {
  const data = generateKCounty();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Parents first: rows are generated top-down.
    for (const j of data.jurisdictions) await trx.insertInto('jurisdictions').values(j).execute();
    for (const u of data.units) await trx.insertInto('units').values(u).execute();
    const cadres = data.cadres.map(({ id_number, mobile, ...c }) => ({
      ...c,
      ...encryptIdNumber(deps.keyring, c.id, id_number),
      ...encryptMobile(deps.keyring, c.id, mobile),
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < cadres.length; i += 500)
      await trx
        .insertInto('cadres')
        .values(cadres.slice(i, i + 500))
        .execute();
    await appendAudit(
      trx,
      {
        actor: SYSTEM_ACTOR,
        action: 'seed.demo_loaded',
        entityType: 'system',
        data: { jurisdictions: data.jurisdictions.length, units: data.units.length, cadres: cadres.length },
      },
      now,
    );
  });
  const cadreById = new Map(data.cadres.map((c) => [c.id, c]));
  for (const account of DEMO_ACCOUNTS) {
    const person = account.person ? DEMO_PEOPLE[account.person] : null;
    const cadre = person ? cadreById.get(person.cadreId) : undefined;
    await addUser(deps, SYSTEM_ACTOR, {
      username: account.username,
      displayName: account.displayName || cadre?.name || account.username,
      password: DEMO_PASSWORD,
      cadreId: cadre?.id ?? null,
      roles: account.roles.map((r) => ({
        role: r.role,
        jurisdictionCode: r.jurisdictionCode,
        unitId: r.unit ? (cadre?.unit_id ?? null) : null,
      })),
    });
  }
  if (options.matters !== false) {
    await loadDemoMatters(deps);
    await loadDemoCaseLibrary(deps);
    await loadDemoFollowUps(deps);
    await loadDemoNameClearings(deps);
    await loadDemoCorrections(deps);
    // A year of K, L and M for the county scorecard (实施力度评价).
    await loadDemoScorecardHistory(deps);
  }
}
