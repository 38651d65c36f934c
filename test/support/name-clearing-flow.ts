/**
 * Drives name clearings (澄清正名) through the real API as the demo users: opened by the officer on
 * an accusation concluded untrue, checked, consented to, approved and carried out.
 */
import { expect } from 'vitest';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { CorrectionFlow } from './correction-flow.ts';

/** The parts of GET /api/name-clearings/:id the tests read. */
export type NameClearingView = {
  matter: Record<string, unknown> & {
    status: string;
    view: string;
    deadline: { kind: string; dueDate: string; status: string; workingDaysRemaining: number } | null;
    accusation: Record<string, unknown> | null;
    consent: Record<string, unknown> | null;
    plan: Record<string, unknown> | null;
    execution:
      (Record<string, unknown> & { letter: { documentId: string; code: string; number: string } }) | null;
    corrections: { route: string; correction: { id: string; number: string } | null }[];
  };
  allowedActions: { action: string; fields: { name: string; options?: { value: string }[] }[] }[];
  records: { kind: string; data: Record<string, unknown>; text: string | null }[];
  documents: { id: string; kind: string; code: string; number: string; title: string }[];
  timeline: { action: string }[];
};

/** An accusation against 张明 (or `subjectCadreId`), concluded untrue on `concludedOn`. */
export function accusation(overrides: Record<string, unknown> = {}) {
  return {
    subjectCadreId: DEMO_PEOPLE.cadre.cadreId,
    source: 'complaint_record',
    complaintNumber: 'K信〔2026〕15号',
    receivedOn: '2026-01-05',
    concludedOn: '2026-03-02',
    finding: 'untrue',
    allegation: '在农村公路项目中收受施工方好处费',
    conclusion: '经调取项目资金往来和施工合同、与施工方负责人谈话，未发现其收受任何财物，所反映问题不属实。',
    accuser: { anonymous: false, name: '赵某举', contact: '13900001111', note: '实名来信' },
    ...overrides,
  };
}

export class NameClearingFlow extends CorrectionFlow {
  async open(body: object = accusation()): Promise<string> {
    const res = await this.post('officer', '/api/name-clearings', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  async clearing(username: string, id: string, expected = 200): Promise<NameClearingView> {
    const res = await this.get(username, `/api/name-clearings/${id}`);
    expect(res.statusCode, res.body).toBe(expected);
    return res.json<NameClearingView>();
  }

  /** A name-clearing step; expects `status` (200 by default). */
  async clear(username: string, id: string, action: string, body: object = {}, status = 200) {
    const res = await this.post(username, `/api/name-clearings/${id}/actions/${action}`, body);
    expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(status);
    return res;
  }

  /** Checked (T1), consented by the cadre, planned, approved: ready to be carried out. */
  async approved(id: string, consentBy = 'cadre'): Promise<void> {
    await this.clear('officer', id, 'check_triggers', {
      triggers: ['T1'],
      exclusions: [],
      analysis: '影响提拔考察。',
    });
    await this.clear(consentBy, id, 'record_consent', {
      forms: ['written', 'meeting'],
      scope: 'unit',
      ...(consentBy === 'cadre' ? {} : { consultedVia: 'in_person', consultedOn: this.today() }),
    });
    await this.clear('officer', id, 'submit_for_approval', {
      forms: ['written', 'meeting'],
      scope: 'unit',
      arrangements: '在所在单位干部大会上宣读澄清正名书。',
    });
    await this.clear('leader', id, 'approve', { opinion: '同意。' });
  }

  /** A cadre of `unitId` other than the demo people, the n-th by id. */
  async cadreOf(unitId: string, n = 0): Promise<string> {
    const demo = Object.values(DEMO_PEOPLE).map((p) => p.cadreId);
    const rows = await this.platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('id', 'not in', demo)
      .orderBy('id')
      .execute();
    return rows[n]!.id;
  }
}
