import { describe, expect, it } from 'vitest';
import type { MatterRecord, Participant } from '../../api/matterTypes.ts';
import { countVotes, readDecision, readFacts, readProposal, tasksOf } from './matterData.ts';

describe('readers of the open JSON parts', () => {
  it('read facts and drop answers they do not know', () => {
    const facts = readFacts({
      conductDate: '2025-06-10',
      gates: { G1: true, G3: 'emergency_reported', G9: 42 },
      situations: ['S3', 7],
      breachOutstanding: true,
    });
    expect(facts).toMatchObject({
      conductDate: '2025-06-10',
      gates: { G1: true, G3: 'emergency_reported' },
      situations: ['S3'],
      exclusions: [],
      breachOutstanding: true,
    });
    expect(readFacts(null)).toBeNull();
  });
  it('read a proposal’s correction order typed as one text, and a decision’s as lines', () => {
    expect(
      readProposal({
        outcome: 'mitigate',
        correctionOrder: { measures: '补办手续\n完善制度', responsible: '张三', deadlineWorkingDays: 20 },
      })?.correctionOrder,
    ).toEqual({
      measures: ['补办手续', '完善制度'],
      responsible: '张三',
      deadlineWorkingDays: 20,
      deadline: null,
    });
    expect(
      readDecision({
        outcome: 'exempt',
        correctionOrder: {
          measures: ['a'],
          responsible: 'b',
          deadlineWorkingDays: 5,
          deadline: '2026-04-01',
        },
      })?.correctionOrder?.deadline,
    ).toBe('2026-04-01');
    expect(readDecision({ outcome: 'maybe' })).toBeNull();
  });
});

describe('tasksOf and countVotes', () => {
  it('list verification tasks with their state', () => {
    const record = (kind: string, status: string | null, data: Record<string, unknown>): MatterRecord => ({
      id: kind + status,
      kind,
      status,
      data,
      text: null,
      createdAt: '2026-03-02T01:00:00Z',
      createdBy: null,
    });
    const tasks = tasksOf([
      record('task', 'open', { kind: 'interview', description: '谈话' }),
      record('findings', null, {}),
      record('task', 'done', { kind: 'site_visit', description: '查看', completedOn: '2026-03-03' }),
    ]);
    expect(tasks.map((t) => [t.kind, t.open, t.completedOn])).toEqual([
      ['interview', true, null],
      ['site_visit', false, '2026-03-03'],
    ]);
  });
  it('count present, recused and votes, never a recused member’s vote', () => {
    const p = (present: boolean, recused: boolean, vote: Participant['vote']): Participant => ({
      userId: crypto.randomUUID(),
      name: 'x',
      present,
      recused,
      vote,
      opinion: null,
    });
    expect(
      countVotes([
        p(true, false, 'exempt'),
        p(true, false, 'exempt'),
        p(true, false, 'refuse'),
        p(false, true, 'mitigate'),
        p(false, false, null),
      ]),
    ).toEqual({
      members: 5,
      present: 3,
      recused: 1,
      exempt: 2,
      mitigate: 0,
      refuse: 1,
    });
  });
});
