import { describe, expect, it } from 'vitest';
import { assertCoherent, assertWithin, scopesWithin, scopeWithin, type ClearingChoice } from './scope.ts';

const consent: ClearingChoice = { forms: ['written', 'meeting'], scope: 'unit' };

describe('forms and scope of a clearing', () => {
  it('orders scopes from the cadre alone to the public', () => {
    expect(scopeWithin('self', 'public')).toBe(true);
    expect(scopeWithin('unit', 'unit')).toBe(true);
    expect(scopeWithin('region', 'unit')).toBe(false);
    expect(scopesWithin('unit')).toEqual(['self', 'party_organisation', 'unit']);
  });

  it('needs a reach that fits every form: a meeting reaches the Party organisation, media the public', () => {
    expect(() => assertCoherent({ forms: ['written', 'face_to_face'], scope: 'self' })).not.toThrow();
    expect(() => assertCoherent({ forms: ['meeting'], scope: 'self' })).toThrow(
      expect.objectContaining({ code: 'name_clearing.form_needs_wider_scope', field: 'scope' }),
    );
    expect(() => assertCoherent({ forms: ['media'], scope: 'region' })).toThrow(
      expect.objectContaining({
        code: 'name_clearing.form_needs_wider_scope',
        messageZh: '“媒体澄清”的范围至少应为“向社会公开”',
      }),
    );
    expect(() => assertCoherent({ forms: ['written', 'written'], scope: 'self' })).toThrow(
      expect.objectContaining({ code: 'name_clearing.form_repeated', field: 'forms[1]' }),
    );
  });

  it('keeps a plan within the consent: no form the cadre did not agree to, no wider reach', () => {
    expect(() =>
      assertWithin({ forms: ['meeting'], scope: 'party_organisation' }, consent, 'consent'),
    ).not.toThrow();
    expect(() =>
      assertWithin({ forms: ['written', 'announcement'], scope: 'unit' }, consent, 'consent'),
    ).toThrow(
      expect.objectContaining({
        code: 'name_clearing.form_not_consented',
        field: 'forms[1]',
        messageZh: '本人未同意以“通报澄清”方式澄清',
      }),
    );
    expect(() => assertWithin({ forms: ['written'], scope: 'public' }, consent, 'consent')).toThrow(
      expect.objectContaining({
        code: 'name_clearing.scope_exceeds_consent',
        field: 'scope',
        messageZh: '澄清范围“向社会公开”超出本人同意的范围“本人所在单位范围内”',
      }),
    );
  });

  it('keeps what is carried out within the approved plan, with errors that say so', () => {
    const approved: ClearingChoice = { forms: ['written'], scope: 'party_organisation' };
    expect(() =>
      assertWithin({ forms: ['meeting'], scope: 'party_organisation' }, approved, 'approval'),
    ).toThrow(expect.objectContaining({ code: 'name_clearing.form_not_approved', field: 'forms[0]' }));
    expect(() => assertWithin({ forms: ['written'], scope: 'unit' }, approved, 'approval')).toThrow(
      expect.objectContaining({ code: 'name_clearing.scope_exceeds_approval', field: 'scope' }),
    );
  });
});
