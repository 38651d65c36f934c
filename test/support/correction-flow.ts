/**
 * Drives corrections and pre-registrations through the real API as the demo users, on top of the
 * tolerance flow: a unit application by 李华 (unit leader of 城关镇) for one of her cadres, decided
 * with a correction order, so the unit owns the rectification.
 */
import { expect } from 'vitest';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { multipart } from './roster-files.ts';
import { EXEMPT_FACTS, ToleranceFlow } from './tolerance-flow.ts';

/** Correction order of a decision: 10 working days unless given. */
export const ORDER = {
  measures: '补办村集体资金使用审批手续\n修订村级垫付资金管理办法',
  responsible: '城关镇党委书记李华',
  deadlineWorkingDays: 10,
};

/** The parts of GET /api/corrections/:id and /api/pre-registrations/:id the tests read. */
export type ProcedureDetailView = {
  matter: Record<string, unknown> & {
    status: string;
    deadline: { kind: string; dueDate: string; status: string } | null;
  };
  allowedActions: { action: string }[];
  records: { kind: string; data: Record<string, unknown>; text: string | null }[];
  files: { id: string; digest: string; filename: string }[];
  documents: { id: string; kind: string; code: string; number: string; title: string }[];
  timeline: { action: string }[];
};

export class CorrectionFlow extends ToleranceFlow {
  /** A cadre of 城关镇 other than 李华: the subject of the unit's applications. */
  async unitCadreId(): Promise<string> {
    const row = await this.platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', DEMO_PEOPLE.unitLeader.unitId)
      .where('id', '!=', DEMO_PEOPLE.unitLeader.cadreId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** 李华 applies for one of her cadres; accepted, facts established (exempt, breach outstanding), proposed. */
  async unitMatterAwaitingDecision(extra: Record<string, unknown> = {}): Promise<string> {
    const opened = await this.post('unit', '/api/matters', {
      route: 'unit_application',
      subjectCadreId: await this.unitCadreId(),
      title: '关于城关镇垫付集体资金抢收抢种的容错申请',
      summary: '为抢收抢种，经村两委集体研究后垫付集体资金，未履行审批手续。',
      submit: true,
      ...extra,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id } = opened.json<{ id: string }>();
    await this.act('officer', id, 'accept');
    await this.act('officer', id, 'record_facts', {
      facts: { ...EXEMPT_FACTS, breachOutstanding: true },
      findings: '垫付资金已收回，但审批手续至今未补办。',
    });
    await this.act('officer', id, 'propose', {
      outcome: 'exempt',
      analysis: '出于公心抢抓农时，属于探索性失误。',
      correctionOrder: ORDER,
    });
    return id;
  }

  /** Decided as exempt with a correction order (leader + committee1..3); returns the tolerance matter id. */
  async decidedWithCorrection(order: Partial<typeof ORDER> = {}): Promise<string> {
    const id = await this.unitMatterAwaitingDecision();
    await this.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
    await this.vote(id, ['committee1', 'committee2', 'committee3', 'leader'], 'exempt');
    await this.act('leader', id, 'decide', {
      minutes: '同意容错免责，同时责令纠错。',
      correctionOrder: { ...ORDER, ...order },
    });
    return id;
  }

  /** The correction the tolerance decision `toleranceId` ordered. */
  async correctionOf(toleranceId: string): Promise<string> {
    const rows = await this.platform.deps.db
      .selectFrom('matters')
      .select('id')
      .where('linked_matter_id', '=', toleranceId)
      .where('type', '=', 'correction')
      .orderBy('created_at', 'desc')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    return rows[0]!.id;
  }

  async correction(username: string, id: string, expected = 200): Promise<ProcedureDetailView> {
    const res = await this.get(username, `/api/corrections/${id}`);
    expect(res.statusCode, res.body).toBe(expected);
    return res.json<ProcedureDetailView>();
  }

  /** A correction step; expects `status` (200 by default). */
  async correct(username: string, id: string, action: string, body: object = {}, status = 200) {
    const res = await this.post(username, `/api/corrections/${id}/actions/${action}`, body);
    expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(status);
    return res;
  }

  async preRegistration(username: string, id: string, expected = 200): Promise<ProcedureDetailView> {
    const res = await this.get(username, `/api/pre-registrations/${id}`);
    expect(res.statusCode, res.body).toBe(expected);
    return res.json<ProcedureDetailView>();
  }

  /** A pre-registration step; expects `status` (200 by default). */
  async file(username: string, id: string, action: string, body: object = {}, status = 200) {
    const res = await this.post(username, `/api/pre-registrations/${id}/actions/${action}`, body);
    expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(status);
    return res;
  }

  /** Uploads a small PDF as `username` to `url` (an evidence or attachment route). */
  async upload(username: string, url: string, filename: string, note: string) {
    // Signs in again first if the session lapsed while the test clock moved on.
    await this.get(username, '/api/matters?pageSize=1');
    const s = await this.session(username);
    const body = multipart(filename, tinyPdf(note), 'application/pdf');
    this.requests += 1;
    return this.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, ...s.headers },
      cookies: s.cookies,
    });
  }

  /** Moves the test clock to 09:00 Beijing time on `day`. */
  setDay(day: string): void {
    this.platform.clock.set(`${day}T09:00:00+08:00`);
  }
}
