/**
 * The HTTP authorization matrix, outcome ledger and its delivery (结果运用台账, DESIGN §2, §3.9): the
 * organisation department reads, exports and polls the ledger of the cadres in its jurisdictions; a
 * cadre reads their own entries; nobody else reads it (the commission writes outcomes through its
 * procedures). Webhook subscriptions are managed by the administrator and the organisation department
 * within their jurisdictions; a receiver acknowledges a delivery by signature, without signing in, so
 * an unsigned acknowledgement is refused for everyone alike. Columns: see authz-matrix.ts; for a
 * subscription `same` is one of K County, `other` one of L County.
 */
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_JURISDICTION_IDS } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { createWebhook } from '../../src/usecases/outcome-ledger/webhooks.ts';
import { grid, type Entry, type Relation } from './authz-grid.ts';
import type { ToleranceFlow } from './tolerance-flow.ts';

/** Only the organisation department. */
const ORG_DEPT_ONLY = grid(`
              any
  admin       403
  officer     403
  leader      403
  committee1  403
  cadre       403
  unit        403
  orgdept     200
  supervisor  403
`);

/** Subscriptions are the administrator's and the organisation department's. */
const MANAGERS = (same: number, other: number) =>
  grid(`
              same other
  admin       ${same}   ${other}
  officer     403   403
  leader      403   403
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     ${same}   ${other}
  supervisor  403   403
`);

const state = new WeakMap<ToleranceFlow, { users?: Promise<void>; shared: Map<Relation, Promise<string>> }>();

/** A subscription of K County (`same`) or L County (`other`); fresh ones for steps that change it. */
export async function webhookFor(flow: ToleranceFlow, relation: Relation, fresh: boolean): Promise<string> {
  let s = state.get(flow);
  if (!s) {
    s = { shared: new Map() };
    state.set(flow, s);
  }
  const deps = flow.platform.deps;
  s.users ??= addUser(deps, SYSTEM_ACTOR, {
    username: 'orgdept_wh_l',
    displayName: 'orgdept_wh_l',
    password: DEMO_PASSWORD,
    roles: [{ role: 'org_dept', jurisdictionCode: 'L' }],
  }).then(() => undefined);
  await s.users;
  const make = async () => {
    const username = relation === 'other' ? 'orgdept_wh_l' : 'orgdept';
    const user = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const created = await createWebhook(
      deps,
      (await loadPrincipal(deps.db, user.id))!,
      {
        jurisdictionId: relation === 'other' ? DEMO_JURISDICTION_IDS.L : DEMO_JURISDICTION_IDS.K,
        url: 'https://rs.example.gov.cn/rongcuo/hook',
        eventKinds: ['tolerance_decision', 'sanction'],
      },
      { allowLoopback: false },
    );
    return created.subscription.id;
  };
  if (fresh) return make();
  let shared = s.shared.get(relation);
  if (!shared) {
    shared = make();
    s.shared.set(relation, shared);
  }
  return shared;
}

export const OUTCOME_ROUTES: Entry[] = [
  // The ledger list: the organisation department's scope, or the cadre's own entries.
  {
    route: 'GET /api/outcome-ledger',
    target: { kind: 'none' },
    grid: grid(`
              any
  admin       403
  officer     403
  leader      403
  committee1  403
  cadre       200
  unit        403
  orgdept     200
  supervisor  403
`),
  },
  { route: 'GET /api/outcome-ledger/export.xlsx', target: { kind: 'none' }, grid: ORG_DEPT_ONLY },
  { route: 'GET /api/outcomes', target: { kind: 'none' }, grid: ORG_DEPT_ONLY },
  {
    // One cadre's entries: the organisation department over the cadre, or the cadre themself.
    route: 'GET /api/cadres/:id/outcome-ledger',
    target: { kind: 'cadre' },
    grid: grid(`
              own  same other
  admin        .   403   403
  officer     403  403   403
  leader      403  403   403
  committee1  403  403   403
  cadre       200  404   404
  unit        403  403   403
  orgdept     200  200   404
  supervisor   .   403   403
`),
  },
  {
    route: 'GET /api/webhooks',
    target: { kind: 'none' },
    grid: grid(`
              any
  admin       200
  officer     403
  leader      403
  committee1  403
  cadre       403
  unit        403
  orgdept     200
  supervisor  403
`),
  },
  {
    // Registering for a jurisdiction out of reach reads like an unknown jurisdiction.
    route: 'POST /api/webhooks',
    target: { kind: 'jurisdiction' },
    hidden: [400],
    body: (c) => ({
      jurisdictionId: c.t.jurisdictionId,
      url: `https://rs.example.gov.cn/rongcuo/hook-${c.serial}`,
      eventKinds: ['tolerance_decision'],
    }),
    grid: MANAGERS(201, 400),
  },
  { route: 'GET /api/webhooks/:id', target: { kind: 'webhook' }, grid: MANAGERS(200, 404) },
  { route: 'POST /api/webhooks/:id/disable', target: { kind: 'webhook' }, grid: MANAGERS(200, 404) },
  {
    // The receiver's acknowledgement: signed, never signed in; unsigned is refused for everyone.
    route: 'POST /api/webhooks/ack',
    target: { kind: 'none' },
    body: { deliveryId: '00000000-0000-4000-8000-000000000000', receiptId: 'R-1' },
    grid: grid(`
              any
  anonymous   401
  admin       401
  officer     401
  leader      401
  committee1  401
  cadre       401
  unit        401
  orgdept     401
  supervisor  401
`),
  },
];
