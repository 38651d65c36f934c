/**
 * The HTTP authorization matrix (docs/SECURITY.md §1.2, §1.4): every route the app registers ×
 * every role × how the asker stands to the record (own / same jurisdiction / other jurisdiction /
 * recused), each cell with the answer DESIGN §2 gives it (test/support/authz-matrix*.ts). A route
 * added without a matrix entry fails here. Hidden records must answer exactly like missing ones.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';
import { ToleranceFlow } from '../support/tolerance-flow.ts';
import { createMatrixUsers, MatterFixtures } from '../support/authz-fixtures.ts';
import { cellsOf, WHO } from '../support/authz-grid.ts';
import { MATRIX, SPEC_NOTES } from '../support/authz-matrix.ts';
import { MatrixRunner } from '../support/authz-runner.ts';
import { recordedRouteKeys } from '../support/route-table.ts';
import type { App } from '../../src/server/build-app.ts';

vi.mock('fastify', async (load) =>
  (await import('../support/route-table.ts')).recordingFastify(await load()),
);

// No shipped policy asks for the higher level's approval; the fixtures switch it on to reach awaiting_approval.
const approval = vi.hoisted(() => ({ required: false }));
vi.mock('../../src/usecases/policy-context.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/usecases/policy-context.ts')>();
  return {
    ...original,
    policyVersion: (id: string, version: string) => ({
      ...original.policyVersion(id, version),
      higherLevelApprovalRequired:
        approval.required || original.policyVersion(id, version).higherLevelApprovalRequired,
    }),
  };
});

const CELLS = MATRIX.reduce((n, entry) => n + cellsOf(entry), 0);

describe.each(ENGINES)(
  `authorization matrix, ${MATRIX.length} routes × ${WHO.length} askers: ${CELLS} cells on %s`,
  (engine) => {
    let platform: TestPlatform;
    let app: App;
    let runner: MatrixRunner;
    let fixtures: MatterFixtures;
    const started = performance.now();

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { seed: true });
      app = await createTestApp(platform);
      const flow = new ToleranceFlow(app, platform);
      await createMatrixUsers(flow);
      fixtures = new MatterFixtures(flow, approval);
      const users = await platform.deps.db.selectFrom('users').select(['id', 'username']).execute();
      runner = new MatrixRunner(app, fixtures, new Map(users.map((u) => [u.username, u.id])));
      await runner.victim('victim_k');
      await runner.victim('victim_l');
    });
    afterAll(async () => {
      console.log(
        `[${engine}] authorization matrix: ${runner.cells} cells, ${runner.requests} requests, ${fixtures.built} matters built (${fixtures.flow.requests} requests), ${Math.round(performance.now() - started)} ms`,
      );
      await app.close();
      await platform.close();
    });

    it('has an entry for every route the app registers, and none for a route it does not', () => {
      const routes = recordedRouteKeys();
      const entries = MATRIX.map((e) => e.route);
      const missing = routes.filter((r) => !entries.includes(r));
      const stale = entries.filter((r) => !routes.includes(r));
      const twice = entries.filter((r, i) => entries.indexOf(r) !== i);
      expect(
        missing,
        'routes without a matrix entry: add their expected answers to test/support/authz-matrix*.ts',
      ).toEqual([]);
      expect(stale, 'matrix entries for routes the app no longer has').toEqual([]);
      expect(twice, 'routes with two matrix entries').toEqual([]);
    });

    it('lists every SPEC? cell (kept at the server answer) with its disagreement, and no other', () => {
      const marked = MATRIX.flatMap((e) =>
        WHO.flatMap((who) =>
          Object.entries(e.grid[who] ?? {})
            .filter(([, cell]) => cell.spec)
            .map(([relation, cell]) => `${e.route} ${who}/${relation} ${cell.status}`),
        ),
      );
      expect(marked.sort()).toEqual(
        SPEC_NOTES.map((n) => `${n.route} ${n.who}/${n.relation} ${n.server}`).sort(),
      );
    });

    it.each(MATRIX.map((entry) => [`${entry.route} (${cellsOf(entry)} cells)`, entry] as const))(
      '%s',
      async (_name, entry) => {
        expect(await runner.run(entry)).toEqual([]);
      },
    );
  },
);
