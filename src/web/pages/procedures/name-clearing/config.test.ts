import { describe, expect, it } from 'vitest';
import { OpenNameClearingBody } from '../../../../contracts/name-clearing.ts';
import { isRequired, isShown, toProcedureBody } from '../fields.ts';
import { NAME_CLEARING, OPEN_NAME_CLEARING_FIELDS, type NameClearingDetail } from './config.tsx';

const ACCUSER = OPEN_NAME_CLEARING_FIELDS.find((f) => f.name === 'accuser')!;
const accuserFields = ACCUSER.kind === 'group' ? ACCUSER.fields : [];
const field = (name: string) => accuserFields.find((f) => f.name === name)!;

const OPENING = {
  subjectCadreId: '2f08a6f0-0430-4f82-b09d-90a2824f4367',
  source: 'complaint_record',
  complaintNumber: 'K信〔2026〕15号',
  receivedOn: '2026-01-05',
  concludedOn: '2026-03-02',
  finding: 'untrue',
  allegation: '在农村公路项目中收受施工方好处费',
  conclusion: '所反映问题不属实。',
};

describe('the opening form of a name clearing', () => {
  it('asks a named accuser’s name (required) and contact, and neither of an anonymous one', () => {
    expect(isShown(field('name'), { anonymous: false })).toBe(true);
    expect(isRequired(field('name'), { anonymous: false })).toBe(true);
    expect(isShown(field('contact'), { anonymous: false })).toBe(true);
    expect(isShown(field('name'), { anonymous: true })).toBe(false);
    expect(isShown(field('contact'), { anonymous: true })).toBe(false);
    expect(isShown(field('note'), { anonymous: true })).toBe(true);
  });

  it('sends what the server takes: an anonymous accuser without the name typed before switching', () => {
    const body = toProcedureBody(OPEN_NAME_CLEARING_FIELDS, {
      ...OPENING,
      accuser: { anonymous: true, name: '赵某举', contact: '139', note: '来信未署名' },
    });
    expect(body.accuser).toEqual({ anonymous: true, note: '来信未署名' });
    expect(OpenNameClearingBody.safeParse(body).success).toBe(true);
  });

  it('asks the complaint number only for a recorded complaint', () => {
    const number = OPEN_NAME_CLEARING_FIELDS.find((f) => f.name === 'complaintNumber')!;
    expect(isRequired(number, { source: 'complaint_record' })).toBe(true);
    const body = toProcedureBody(OPEN_NAME_CLEARING_FIELDS, {
      ...OPENING,
      source: 'officer_entry',
      accuser: { anonymous: false, name: '赵某举' },
    });
    expect(body.complaintNumber).toBeUndefined();
    expect(OpenNameClearingBody.safeParse(body).success).toBe(true);
  });
});

describe('starting values of the steps', () => {
  const choice = (forms: string[], scope: string) => ({
    forms: forms.map((value) => ({ value, label: { zh: value, en: value } })),
    scope: { value: scope, label: { zh: scope, en: scope } },
  });
  const detail = (matter: Record<string, unknown>, fields: string[] = []) =>
    ({
      matter: { consent: null, plan: null, ...matter },
      allowedActions: [
        {
          action: 'record_consent',
          label: { zh: '', en: '' },
          danger: false,
          fields: fields.map((name) => ({ name })),
        },
      ],
    }) as unknown as NameClearingDetail;

  it('the plan starts from what the cadre consented to, the clearing from the approved plan', () => {
    const consent = { ...choice(['written', 'meeting'], 'unit'), consentedOn: '2026-03-02' };
    const plan = { ...choice(['written'], 'party_organisation'), submittedOn: '2026-03-03' };
    expect(NAME_CLEARING.initialValues!('submit_for_approval', detail({ consent }))).toEqual({
      forms: ['written', 'meeting'],
      scope: 'unit',
    });
    expect(NAME_CLEARING.initialValues!('execute', detail({ consent, plan }))).toMatchObject({
      forms: ['written'],
      scope: 'party_organisation',
    });
  });

  it('asks the officer (not the cadre) how and when the cadre was consulted', () => {
    expect(
      NAME_CLEARING.initialValues!('record_consent', detail({}, ['forms', 'consultedVia'])),
    ).toMatchObject({
      consultedVia: 'in_person',
    });
    expect(NAME_CLEARING.initialValues!('record_consent', detail({}, ['forms']))).toEqual({});
  });
});
