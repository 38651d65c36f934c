/**
 * Drives tolerance matters through the real API, step by step, as the demo users: the factories
 * integration tests use to reach a state (`decidedMatter()`), never by writing rows directly.
 */
import { expect } from 'vitest';
import type { App } from '../../src/server/build-app.ts';
import { signIn, type TestPlatform } from './platform.ts';

type Session = Awaited<ReturnType<typeof signIn>>;
type Injected = Awaited<ReturnType<App['inject']>>;

/** Established facts that the K County policy answers with `exempt` (all gates met, situation S3). */
export const EXEMPT_FACTS = {
  conductDate: '2025-11-14',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1'],
  aggravating: [],
};

/** The parts of GET /api/matters/:id the tests read. */
export type MatterDetailView = {
  matter: Record<string, unknown>;
  documents: { id: string; kind: string; title: string; code: string; number: string }[];
  timeline: { action: string }[];
  meeting: { participants: { userId: string; vote: string | null; recused: boolean }[] } | null;
};

export class ToleranceFlow {
  private readonly sessions = new Map<string, Session>();
  private readonly ids = new Map<string, string>();
  /** API requests sent (sign-ins included), for reporting how much a scenario does. */
  requests = 0;

  constructor(
    readonly app: App,
    readonly platform: TestPlatform,
  ) {}

  async session(username: string): Promise<Session> {
    let session = this.sessions.get(username);
    if (!session) {
      session = await signIn(this.app, username);
      this.requests += 1;
      this.sessions.set(username, session);
    }
    return session;
  }

  async userId(username: string): Promise<string> {
    let id = this.ids.get(username);
    if (!id) {
      id = (
        await this.platform.deps.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
      this.ids.set(username, id);
    }
    return id;
  }

  async get(username: string, url: string): Promise<Injected> {
    return this.send(username, (s) => this.app.inject({ method: 'GET', url, cookies: s.cookies }));
  }

  async post(username: string, url: string, payload: unknown): Promise<Injected> {
    return this.send(username, (s) =>
      this.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        cookies: s.cookies,
        headers: s.headers,
      }),
    );
  }

  /** Tests move the clock by days, past the session's idle expiry: sign in again when it lapses. */
  private async send(username: string, request: (s: Session) => Promise<Injected>): Promise<Injected> {
    this.requests += 1;
    const res = await request(await this.session(username));
    if (res.statusCode !== 401) return res;
    this.sessions.delete(username);
    this.requests += 1;
    return request(await this.session(username));
  }

  /** Performs a step and expects `status` (200 by default), showing the error body when it differs. */
  async act(
    username: string,
    matterId: string,
    action: string,
    body: object = {},
    status = 200,
  ): Promise<Injected> {
    const res = await this.post(username, `/api/matters/${matterId}/actions/${action}`, body);
    expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(status);
    return res;
  }

  /** 张明 applies for tolerance himself: a draft, then submitted. */
  async apply(title = '在老旧小区改造中先行垫资启动施工'): Promise<string> {
    const res = await this.post('cadre', '/api/matters', {
      route: 'own_application',
      title,
      summary:
        '为赶在汛期前完成排水改造，经镇党委会研究，由镇财政先行垫资启动施工，后因上级资金拨付延迟被问责。',
      conductDate: EXEMPT_FACTS.conductDate,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    await this.act('cadre', id, 'submit');
    return id;
  }

  /** Accepted, facts established (exempt recommended) and the proposal made: awaiting the committee. */
  async awaitingDecision(): Promise<string> {
    const id = await this.apply();
    await this.act('officer', id, 'accept');
    await this.act('officer', id, 'record_facts', {
      facts: EXEMPT_FACTS,
      findings: '经核实，垫资事项经镇党委会集体研究决定。\n工程已按期完工，垫资款项已全部收回，未造成损失。',
    });
    await this.act('officer', id, 'propose', {
      outcome: 'exempt',
      analysis:
        '张明同志出于公心推动民生工程，属于“三个区分开来”中的探索性失误。\n其行为经集体决策，未谋取私利。',
    });
    return id;
  }

  /** Put before the committee with these members present. */
  async convene(id: string, present: string[], heldOn?: string): Promise<Injected> {
    const ids = await Promise.all(present.map((u) => this.userId(u)));
    return this.act('leader', id, 'convene_meeting', { heldOn: heldOn ?? this.today(), present: ids });
  }

  async vote(id: string, members: string[], vote: 'exempt' | 'mitigate' | 'refuse'): Promise<void> {
    for (const member of members)
      await this.act(member, id, 'cast_vote', { vote, opinion: `${member}：同意${vote}` });
  }

  /** Decided as exempt by leader + committee1..3 (4 of the 6 members in favour). */
  async decided(): Promise<string> {
    const id = await this.awaitingDecision();
    await this.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
    await this.vote(id, ['committee1', 'committee2', 'committee3', 'leader'], 'exempt');
    await this.act('leader', id, 'decide', {
      minutes: '会议听取了承办人汇报，经充分讨论，同意予以容错免责。',
    });
    return id;
  }

  /** Decided, served and received by the cadre today. */
  async received(): Promise<string> {
    const id = await this.decided();
    await this.act('officer', id, 'notify');
    await this.act('cadre', id, 'acknowledge_receipt');
    return id;
  }

  today(): string {
    return new Date(this.platform.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  }

  async detail(username: string, id: string) {
    const res = await this.get(username, `/api/matters/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MatterDetailView>();
  }
}
