/**
 * Runs the authorization matrix: resolves each cell's record for the asker, sends the request with
 * a valid body (so the cell tests authorization, not validation), and checks the answer — and that
 * a hidden record answers byte for byte like a missing one, that a 403 is only given on a record the
 * asker may read, and that nothing of L County reaches a K County user.
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import type { App } from '../../src/server/build-app.ts';
import { WHO, type Cell, type Entry, type Relation, type Resolved, type Who } from './authz-grid.ts';
import {
  L_UNIT,
  type AnyKind,
  type AnyStage,
  type MatterFixtures,
  type MatterType,
} from './authz-fixtures.ts';
import { csv, csvLine, multipart, testRows } from './roster-files.ts';
import { sanctionFor } from './authz-fixtures-follow-up.ts';
import { webhookFor } from './authz-outcomes.ts';
import { signIn } from './platform.ts';

type Session = Awaited<ReturnType<typeof signIn>>;
type Injected = Awaited<ReturnType<App['inject']>>;

/** The matter a relation points at, per type: [own by asker, same (cadre, everyone else), other, recused]. */
const KINDS: Record<
  MatterType,
  { own: Partial<Record<Who, AnyKind>>; same: [AnyKind, AnyKind]; other: AnyKind; recused: AnyKind }
> = {
  tolerance: {
    own: {
      cadre: 'Z',
      unit: 'U',
      orgdept: 'O',
      officer: 'S_officer',
      leader: 'S_leader',
      committee1: 'S_committee1',
    },
    same: ['U', 'Z'],
    other: 'L',
    recused: 'J',
  },
  correction: {
    own: {
      cadre: 'CZ',
      unit: 'CU',
      orgdept: 'CO',
      officer: 'CS_officer',
      leader: 'CS_leader',
      committee1: 'CS_committee1',
    },
    same: ['CU', 'CZ'],
    other: 'CL',
    recused: 'CJ',
  },
  // Only cadres (their own initiative) and unit leaders (their unit's) file.
  pre_registration: { own: { cadre: 'PZ', unit: 'PU' }, same: ['PU', 'PZ'], other: 'PL', recused: 'PJ' },
  follow_up: {
    own: {
      cadre: 'FZ',
      unit: 'FU',
      orgdept: 'FO',
      officer: 'FS_officer',
      leader: 'FS_leader',
      committee1: 'FS_committee1',
    },
    same: ['FU', 'FZ'],
    other: 'FL',
    recused: 'FJ',
  },
  name_clearing: {
    own: {
      cadre: 'NZ',
      unit: 'NU',
      orgdept: 'NO',
      officer: 'NS_officer',
      leader: 'NS_leader',
      committee1: 'NS_committee1',
    },
    same: ['NU', 'NZ'],
    other: 'NL',
    recused: 'NJ',
  },
  // Typical cases by the matter they came from; no case about a commission member's unit is decided.
  case_entry: { own: { cadre: 'EZ', unit: 'EU', orgdept: 'EO' }, same: ['EU', 'EZ'], other: 'EL', recused: 'EJ' },
};
/** The unit a correction order or a unit filing names, per asker: their own (own), another (same). */
const OWN_UNIT: Partial<Record<Who, string>> = {
  officer: DEMO_PEOPLE.officer.unitId,
  leader: DEMO_PEOPLE.leader.unitId,
  committee1: DEMO_PEOPLE.committee1.unitId,
  cadre: DEMO_PEOPLE.cadre.unitId,
  unit: DEMO_PEOPLE.unitLeader.unitId,
  orgdept: DEMO_PEOPLE.orgDept.unitId,
};
const OWN_CADRE: Partial<Record<Who, string>> = {
  officer: DEMO_PEOPLE.officer.cadreId,
  leader: DEMO_PEOPLE.leader.cadreId,
  committee1: DEMO_PEOPLE.committee1.cadreId,
  cadre: DEMO_PEOPLE.cadre.cadreId,
  unit: DEMO_PEOPLE.unitLeader.cadreId,
  orgdept: DEMO_PEOPLE.orgDept.cadreId,
};

const READ_ROUTE: Record<MatterType, string> = {
  tolerance: 'matters',
  correction: 'corrections',
  pre_registration: 'pre-registrations',
  follow_up: 'follow-ups',
  case_entry: 'case-library',
  name_clearing: 'name-clearings',
};

export class MatrixRunner {
  private readonly sessions = new Map<Who, Session>();
  private readonly baselines = new Map<string, Injected>();
  private serial = 0;
  /** Requests sent by cells, baselines and checks (fixtures not included). */
  requests = 0;
  cells = 0;

  constructor(
    readonly app: App,
    readonly fixtures: MatterFixtures,
    private readonly userIds: Map<string, string>,
  ) {}

  private async session(who: Who, fresh = false): Promise<Session | null> {
    if (who === 'anonymous') return null;
    if (fresh) return signIn(this.app, who);
    let s = this.sessions.get(who);
    if (!s) {
      s = await signIn(this.app, who);
      this.sessions.set(who, s);
    }
    return s;
  }

  private userId = (username: string): string => {
    const id = this.userIds.get(username);
    if (!id) throw new Error(`no user ${username}`);
    return id;
  };

  /** Random ids: what a cell's record is replaced with to ask for a missing one. */
  static missing(): Resolved {
    return {
      id: randomUUID(),
      fileId: randomUUID(),
      documentId: randomUUID(),
      taskId: randomUUID(),
      documentCode: 'ABCD-EFGH-JKMN-PQRS',
      assignmentId: randomUUID(),
      jurisdictionId: randomUUID(),
      subjectId: randomUUID(),
    };
  }

  /** The record a relation points at for this asker. */
  async resolve(
    entry: Entry,
    who: Who,
    relation: Relation,
    fresh: boolean,
    stage?: AnyStage,
  ): Promise<Resolved> {
    const t = MatrixRunner.missing();
    const target = entry.target;
    const fx = this.fixtures;
    switch (target.kind) {
      case 'none':
        return t;
      case 'jurisdiction':
        return {
          ...t,
          jurisdictionId: relation === 'other' ? DEMO_JURISDICTION_IDS.L : DEMO_JURISDICTION_IDS.K,
        };
      case 'matter': {
        const type = target.type ?? 'tolerance';
        const kinds = KINDS[type];
        const kind: AnyKind | undefined =
          relation === 'own'
            ? kinds.own[who]
            : relation === 'same'
              ? kinds.same[who === 'cadre' ? 0 : 1]
              : relation === 'other'
                ? kinds.other
                : kinds.recused;
        if (!kind) throw new Error(`no ${relation} ${type} for ${who}`);
        const m = await fx.get(type, kind, stage ?? target.stage, fresh);
        return {
          ...t,
          id: m.id,
          ...(m.fileId ? { fileId: m.fileId } : {}),
          ...(m.documentId ? { documentId: m.documentId, documentCode: m.documentCode! } : {}),
          ...(m.taskId ? { taskId: m.taskId } : {}),
        };
      }
      case 'cadre':
        if (relation === 'own') return { ...t, id: OWN_CADRE[who]! };
        if (relation === 'same')
          return { ...t, id: who === 'cadre' ? DEMO_PEOPLE.unitLeader.cadreId : DEMO_PEOPLE.cadre.cadreId };
        return { ...t, id: await fx.subjectOf('L') };
      case 'subject': {
        const id =
          relation === 'own'
            ? who === 'unit'
              ? await fx.subjectOf('U')
              : (OWN_CADRE[who] ?? t.id)
            : relation === 'same'
              ? who === 'cadre'
                ? await fx.subjectOf('U')
                : DEMO_PEOPLE.cadre.cadreId
              : await fx.subjectOf(relation === 'other' ? 'L' : 'J');
        return { ...t, id };
      }
      case 'unit': {
        if (relation === 'own')
          return {
            ...t,
            id: OWN_UNIT[who]!,
            subjectId: who === 'unit' ? await fx.subjectOf('U') : OWN_CADRE[who]!,
          };
        if (relation === 'same')
          return who === 'cadre'
            ? { ...t, id: DEMO_PEOPLE.unitLeader.unitId, subjectId: await fx.subjectOf('U') }
            : { ...t, id: DEMO_PEOPLE.cadre.unitId, subjectId: DEMO_PEOPLE.cadre.cadreId };
        if (relation === 'other') return { ...t, id: L_UNIT, subjectId: await fx.subjectOf('L') };
        return { ...t, id: DEMO_PEOPLE.officer.unitId, subjectId: await fx.subjectOf('J') };
      }
      case 'sanction': {
        if (relation === 'any') return t;
        const id = await sanctionFor({ flow: fx.flow, subjectOf: (k) => fx.subjectOf(k) }, who, relation);
        if (!id) throw new Error(`no ${relation} sanction for ${who}`);
        return { ...t, id };
      }
      case 'webhook':
        return { ...t, id: await webhookFor(fx.flow, relation, fresh) };
      case 'account': {
        const userId =
          relation === 'own'
            ? this.userId(who)
            : relation === 'other'
              ? this.userId('victim_l')
              : fresh
                ? await this.victim()
                : this.userId('victim_k');
        const assignment = await fx.flow.platform.deps.db
          .selectFrom('role_assignments')
          .select('id')
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .orderBy('id')
          .executeTakeFirstOrThrow();
        return { ...t, id: userId, assignmentId: assignment.id, jurisdictionId: DEMO_JURISDICTION_IDS.K };
      }
    }
  }

  /** A K County account with two roles, to be disabled, reset or stripped of one. */
  async victim(username = `victim_${++this.serial}`): Promise<string> {
    const { id } = await addUser(this.fixtures.flow.platform.deps, SYSTEM_ACTOR, {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      roles: [
        { role: 'cadre', jurisdictionCode: username === 'victim_l' ? 'L' : 'K' },
        { role: 'org_dept', jurisdictionCode: username === 'victim_l' ? 'L' : 'K' },
      ],
    });
    this.userIds.set(username, id);
    return id;
  }

  async send(
    entry: Entry,
    who: Who,
    relation: Relation,
    t: Resolved,
    session: Session | null,
  ): Promise<Injected> {
    const [method, pattern] = entry.route.split(' ') as [string, string];
    const ctx = {
      who,
      relation,
      t,
      userId: this.userId,
      today: this.fixtures.flow.today(),
      serial: ++this.serial,
    };
    const ids: Record<string, string> = {
      id: t[entry.idFrom ?? 'id'],
      matterId: t.id,
      fileId: t.fileId,
      assignmentId: t.assignmentId,
      ...entry.params,
    };
    const url = pattern.replace(/:(\w+)|\*/g, (token, name: string | undefined) =>
      encodeURIComponent(ids[name ?? '*']!),
    );
    const headers: Record<string, string> = { ...(session?.headers ?? {}) };
    let payload: string | Buffer | object | undefined;
    if (entry.form) {
      const form =
        entry.form === 'roster'
          ? multipart('名册.csv', csv(testRows(1, '县财政局').map(csvLine)), 'text/csv')
          : multipart('情况说明.pdf', tinyPdf(`矩阵${ctx.serial}`), 'application/pdf');
      payload = form.payload;
      Object.assign(headers, form.headers);
    } else if (entry.body !== undefined) {
      payload = typeof entry.body === 'function' ? entry.body(ctx) : entry.body;
    } else if (method !== 'GET' && method !== 'DELETE') {
      payload = {};
    }
    this.requests += 1;
    return this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(session ? { cookies: session.cookies } : {}),
      ...(entry.query ? { query: entry.query(ctx) } : {}),
      ...(payload !== undefined ? { payload } : {}),
    });
  }

  /** The answer for a missing record, as this asker (cached per route and asker). */
  private async baseline(
    entry: Entry,
    who: Who,
    relation: Relation,
  ): Promise<{ res: Injected; t: Resolved }> {
    const key = `${entry.route}|${who}`;
    const t = MatrixRunner.missing();
    let res = this.baselines.get(key);
    if (!res) {
      res = await this.send(entry, who, relation, t, await this.session(who));
      this.baselines.set(key, res);
    }
    return { res, t };
  }

  /** Runs every cell of an entry; answers the mismatches (empty when the route keeps the matrix). */
  async run(entry: Entry): Promise<string[]> {
    const problems: string[] = [];
    const method = entry.route.split(' ')[0];
    for (const who of WHO) {
      for (const [relation, cell] of Object.entries(entry.grid[who] ?? {}) as [Relation, Cell][]) {
        const success = cell.status >= 200 && cell.status < 300;
        const fresh =
          success &&
          method !== 'GET' &&
          (entry.target.kind === 'matter' || entry.target.kind === 'account' || entry.target.kind === 'webhook');
        const t = await this.resolve(entry, who, relation, fresh);
        problems.push(...(await this.cell(entry, who, relation, cell.status, t)));
      }
    }
    if (entry.wrongState) {
      const { who, relation, stage } = entry.wrongState;
      const t = await this.resolve(entry, who, relation, false, stage);
      problems.push(...(await this.cell(entry, who, relation, 409, t, `${stage}: `)));
    }
    return problems;
  }

  private async cell(
    entry: Entry,
    who: Who,
    relation: Relation,
    expected: number,
    t: Resolved,
    label = '',
  ): Promise<string[]> {
    this.cells += 1;
    const where = `${label}${who}/${relation}`;
    const session = await this.session(who, entry.endsSession);
    if (entry.before && session)
      await this.send(
        { ...entry, route: entry.before.route, body: {}, form: undefined },
        who,
        relation,
        t,
        session,
      );
    const res = await this.send(entry, who, relation, t, session);
    if (entry.endsSession) this.sessions.delete(who);
    const problems: string[] = [];
    if (res.statusCode !== expected)
      problems.push(`${where}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (res.statusCode >= 400 && !/"code":"[^"]+".*"message":.*"messageEn":/s.test(res.body))
      problems.push(`${where}: uncoded error ${res.body.slice(0, 200)}`);
    if (expected === 404 || (entry.hidden ?? []).includes(expected))
      problems.push(...(await this.sameAsMissing(entry, who, relation, t, res, where)));
    if (expected === 403 && entry.target.kind !== 'none')
      problems.push(...(await this.refusalOnReadable(entry, who, relation, t, where)));
    if (relation === 'other' && who !== 'supervisor' && res.statusCode < 300 && res.body.includes('L县'))
      problems.push(`${where}: L County data reached a K County user`);
    return problems;
  }

  /** A hidden record answers exactly like a missing one: same status, same body (ids aside). */
  private async sameAsMissing(
    entry: Entry,
    who: Who,
    relation: Relation,
    t: Resolved,
    res: Injected,
    where: string,
  ): Promise<string[]> {
    const base = await this.baseline(entry, who, relation);
    const normal = (body: string, r: Resolved) =>
      Object.values(r).reduce((b, id) => b.replaceAll(id, '<id>'), body);
    if (base.res.statusCode === res.statusCode && normal(base.res.body, base.t) === normal(res.body, t))
      return [];
    return [
      `${where}: answers ${res.statusCode} ${res.body} but a missing record ${base.res.statusCode} ${base.res.body}`,
    ];
  }

  /** A 403 that differs from the missing answer may only be given on a record the asker can read. */
  private async refusalOnReadable(
    entry: Entry,
    who: Who,
    relation: Relation,
    t: Resolved,
    where: string,
  ): Promise<string[]> {
    const base = await this.baseline(entry, who, relation);
    if (base.res.statusCode === 403) return [];
    const reads: Partial<Record<Entry['target']['kind'], string>> = {
      matter: `/api/${entry.target.kind === 'matter' ? READ_ROUTE[entry.target.type ?? 'tolerance'] : 'matters'}/${t.id}`,
      cadre: `/api/cadres/${t.id}`,
      // A unit is known to whoever may read the roster of its cadres.
      unit: `/api/cadres/${t.subjectId}`,
      sanction: `/api/sanctions/${t.id}`,
      webhook: `/api/webhooks/${t.id}`,
    };
    const read = reads[entry.target.kind] ?? null;
    if (!read) return [`${where}: 403 here but ${base.res.statusCode} for a missing record`];
    const session = await this.session(who);
    this.requests += 1;
    const res = await this.app.inject({ url: read, ...(session ? { cookies: session.cookies } : {}) });
    return res.statusCode === 200
      ? []
      : [
          `${where}: 403 tells that a record exists which the asker cannot read (${read} → ${res.statusCode})`,
        ];
  }
}
