/**
 * User accounts of the synthetic world: in every county a case officer, the commission leader, five
 * committee members and the organisation department; a supervisor in every city and province; and,
 * as matters need them, an account for each applying cadre and unit leader. All share one argon2id
 * hash of BENCH_PASSWORD (hashing 20,000 passwords would take minutes and test nothing). Creating an
 * account appends `user.created` and `user.role_granted`, as `addUser` does.
 */
import type { Role } from '../../../domain/roles.ts';
import { createRng } from '../prng.ts';
import { ColumnBatch, md5Uuid, type ColumnSpec } from './bulk.ts';
import type { PendingEvent } from './audit-stream.ts';
import { personName } from './names.ts';

/** The password of every synthetic account (the benchmark signs in with it). */
export const BENCH_PASSWORD = 'rongcuo-bench-2026';

export type Account = { id: string; username: string; name: string };
export type StaffRole = 'officer' | 'leader' | 'committee1' | 'committee2' | 'committee3' | 'committee4' | 'committee5' | 'orgdept';
export type CountyStaff = Record<StaffRole, Account>;

const STAFF_ROLES: Record<StaffRole, Role[]> = {
  officer: ['case_officer'],
  leader: ['commission_leader', 'committee_member'],
  committee1: ['committee_member'],
  committee2: ['committee_member'],
  committee3: ['committee_member'],
  committee4: ['committee_member'],
  committee5: ['committee_member'],
  orgdept: ['org_dept'],
};

/** Username of a county's staff account or a city's/province's supervisor: `<code>.<role>`. */
export const staffUsername = (jurisdictionCode: string, role: StaffRole | 'supervisor') => `${jurisdictionCode}.${role}`;

export const accountId = (seed: number, username: string) => md5Uuid(`${seed}:user:${username}`);

const USER_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['username', 'text'],
  ['display_name', 'text'],
  ['password_hash', 'text'],
  ['cadre_id', 'uuid'],
  ['created_at', 'timestamptz'],
  ['password_changed_at', 'timestamptz'],
];
const ROLE_COLUMNS: ColumnSpec[] = [
  ['user_id', 'uuid'],
  ['role', 'text'],
  ['jurisdiction_id', 'uuid'],
  ['unit_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

export const SYSTEM = { userId: null, label: 'system' } as const;

/** Accumulates account rows and their audit events. */
export class AccountWriter {
  users = new ColumnBatch(USER_COLUMNS);
  roles = new ColumnBatch(ROLE_COLUMNS);

  constructor(
    private readonly seed: number,
    private readonly passwordHash: string,
    private readonly audit: (event: PendingEvent) => void,
  ) {}

  add(
    username: string,
    name: string,
    at: number,
    grants: { role: Role; jurisdictionId: string; jurisdictionCode: string; unitId?: string | null }[],
    cadreId: string | null = null,
  ): Account {
    const id = accountId(this.seed, username);
    const when = new Date(at);
    this.users.push(id, username, name, this.passwordHash, cadreId, when, when);
    const event = { at, actorUserId: SYSTEM.userId, actor: SYSTEM.label, entityType: 'user', entityId: id, jurisdictionId: null };
    this.audit({ ...event, action: 'user.created', data: { username, displayName: name } });
    for (const g of grants) {
      this.roles.push(id, g.role, g.jurisdictionId, g.unitId ?? null, when);
      this.audit({ ...event, action: 'user.role_granted', jurisdictionId: g.jurisdictionId, data: { role: g.role, jurisdiction: g.jurisdictionCode, unitId: g.unitId ?? null } });
    }
    return { id, username, name };
  }

  /** The commission staff of a county, created when the history begins. */
  addCountyStaff(county: { id: string; code: string }, at: number): CountyStaff {
    const rng = createRng(this.seed, `staff:${county.code}`);
    const staff = {} as CountyStaff;
    for (const [role, roles] of Object.entries(STAFF_ROLES) as [StaffRole, Role[]][]) {
      const name = personName(rng, rng.chance(0.6) ? 'male' : 'female');
      staff[role] = this.add(staffUsername(county.code, role), name, at, roles.map((r) => ({ role: r, jurisdictionId: county.id, jurisdictionCode: county.code })));
    }
    return staff;
  }

  /** Moves the accumulated rows out (for one insert job). */
  take(): { users: ColumnBatch; roles: ColumnBatch } {
    const taken = { users: this.users, roles: this.roles };
    this.users = new ColumnBatch(USER_COLUMNS);
    this.roles = new ColumnBatch(ROLE_COLUMNS);
    return taken;
  }
}

/** The fixed field key of benchmark databases (never use it for real data). */
export const BENCH_DATA_KEY = 'be0c'.repeat(16);
