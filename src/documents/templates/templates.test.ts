import { describe, expect, it } from 'vitest';
import type { DocumentBlock, OfficialDocument } from '../model.ts';
import { sampleDocuments } from '../samples.ts';
import { determinationDecision, type DeterminationInput } from './determination.ts';

const samples = sampleDocuments();
const text = (doc: OfficialDocument) =>
  [doc.title, doc.addressee, ...doc.paragraphs.map(blockText)].join('\n');
const headings = (doc: OfficialDocument) =>
  doc.paragraphs.filter((b): b is { heading: string } => typeof b !== 'string').map((b) => b.heading);
function blockText(block: DocumentBlock): string {
  return typeof block === 'string' ? block : block.heading;
}

describe('acceptance and non-acceptance notices', () => {
  it('accepts, addressing the applying unit and naming the cadre, the policy and the time limit', () => {
    const doc = samples['acceptance-notice']!;
    expect(doc.kind).toBe('acceptance_notice');
    expect(doc.title).toBe('关于张某某同志容错申请的受理通知书');
    expect(doc.addressee).toBe('K县住房和城乡建设局');
    expect(doc.documentNumber).toBe('K纪〔2026〕1号');
    expect(text(doc)).toContain(
      '你单位于2026年10月9日为副局长张某某同志提交的关于在背街小巷改造项目中采用公开摇号方式选定施工单位的容错申请收悉。',
    );
    expect(text(doc)).toContain(
      '《K县党政干部容错纠错实施办法（试行）》（2024年版）第十二条规定的受理条件，我委决定予以受理。',
    );
    expect(text(doc)).toContain('自受理之日起一个月内完成核实工作');
    expect(doc.issuingBody).toEqual({ zh: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] });
    expect(doc.signatureBlock).toEqual({ body: '中共K县纪律检查委员会', date: '2026-10-16' });
  });

  it('refuses with numbered reasons and the route to object, without a suspension clause', () => {
    const doc = samples['non-acceptance-notice']!;
    expect(doc.kind).toBe('non_acceptance_notice');
    expect(doc.addressee).toBe('王某某同志');
    expect(doc.paragraphs[1]).toMatch(/^（一）申请事项涉及违规发放津贴补贴/);
    expect(doc.paragraphs[2]).toMatch(/^（二）申请提出时.*期限。$/);
    expect(text(doc)).toContain('可自收到本通知之日起15日内，向中共K县纪律检查委员会提出书面复核。');
    expect(text(doc)).not.toContain('不停止');
  });
});

describe('determination decisions', () => {
  it('exempt: facts, three-distinctions analysis, clause, outcome, correction order, appeal rights', () => {
    const doc = samples['determination-exempt']!;
    expect(doc.kind).toBe('tolerance_exempt');
    expect(doc.title).toBe('关于张某某同志容错免责的认定决定书');
    expect(headings(doc)).toEqual([
      '一、基本事实',
      '二、分析认定',
      '三、认定结论',
      '四、纠错要求',
      '五、申诉权利',
    ]);
    const all = text(doc);
    expect(all).toContain('“三个区分开来”');
    expect(all).toContain(
      '符合《K县党政干部容错纠错实施办法（试行）》（2024年版）第八条第（一）项、第九条规定的容错情形，可予容错免责。',
    );
    expect(all).toContain('经县纪委常委会于2026年11月20日集体研究，决定对张某某同志予以容错免责');
    expect(all).toContain('责令K县住房和城乡建设局于2026年12月31日前完成以下整改');
    expect(all).toContain('（二）修订小型工程项目施工单位选定办法');
    expect(all).toContain(
      '可自收到本认定决定书之日起一个月内，向中共K县纪律检查委员会提出书面申诉。申诉期间，不停止本认定决定书的执行',
    );
  });

  it('mitigate: states the lighter measure; no correction section when none is ordered', () => {
    const doc = samples['determination-mitigate']!;
    expect(doc.kind).toBe('tolerance_mitigate');
    expect(doc.title).toBe('关于张某某同志容错减责的认定决定书');
    expect(headings(doc)).toEqual(['一、基本事实', '二、分析认定', '三、认定结论', '四、申诉权利']);
    expect(text(doc)).toContain('决定对张某某同志予以容错减责，对其进行诫勉谈话，免予党纪处分。');
  });

  it('refuse: lists why tolerance is refused and what follows', () => {
    const doc = samples['determination-refuse']!;
    expect(doc.kind).toBe('tolerance_refused');
    expect(doc.title).toBe('关于张某某同志不予容错的决定书');
    expect(text(doc)).toContain(
      '不符合容错条件：（一）在上级明令禁止后仍将项目拆分规避招标。（二）接受施工单位安排的宴请',
    );
    expect(text(doc)).toContain('决定对张某某同志不予容错，由县纪委监委依规依纪依法作出处理。');
    expect(text(doc)).toContain('可自收到本决定书之日起一个月内');
  });

  it('refuses inputs that would leave a decision without its reason', () => {
    const input: DeterminationInput = {
      outcome: 'mitigate',
      issuer: { name: '中共K县纪律检查委员会' },
      documentNumber: 'K纪〔2026〕4号',
      date: '2026-11-27',
      cadre: { name: '张某某', unit: 'K县住房和城乡建设局', position: '副局长' },
      matter: '某事',
      origin: '经本人申请',
      facts: ['事实'],
      analysis: ['分析'],
      policy: { id: 'p', title: '办法', version: '2024年版', clauses: ['第八条'] },
      deliberation: { body: '县纪委常委会', date: '2026-11-20' },
      appeal: { window: '一个月', body: '中共K县纪律检查委员会' },
    };
    expect(() => determinationDecision(input)).toThrow(/mitigatedMeasure/);
    expect(() => determinationDecision({ ...input, outcome: 'refuse' })).toThrow(/refusal/);
    expect(() => determinationDecision({ ...input, outcome: 'exempt' })).not.toThrow();
  });
});

describe('review decision', () => {
  it('cites the appealed decision, records non-suspension, and upholds it', () => {
    const doc = samples['review-decision']!;
    expect(doc.kind).toBe('review_decision');
    expect(doc.title).toBe('关于张某某同志申诉的复核决定书');
    const all = text(doc);
    expect(all).toContain(
      '不服我委2026年11月27日作出的《关于张某某同志容错减责的认定决定书》（K纪〔2026〕4号），于2026年12月10日提出申诉。',
    );
    expect(all).toContain('原决定在复核期间未停止执行');
    expect(all).toContain('决定维持《关于张某某同志容错减责的认定决定书》（K纪〔2026〕4号）。');
    expect(all).toContain('不因提出申诉而加重处理。本复核决定为最终决定。');
    expect(headings(doc)).toEqual(['一、申诉理由', '二、复核查明', '三、复核结论', '四、其他事项']);
  });
});
