import type { ComponentType, ReactNode } from 'react';
import type { z } from 'zod';
import type { AllowedAction, MatterRecord, MatterSummary } from '../../api/matterTypes.ts';
import type { Me, Role } from '../../api/types.ts';
import type { CorrectionDetail as CorrectionSchema } from '../../../contracts/correction.ts';
import type { DescribedStep } from './declared.ts';
import type { FormValues, ProcedureFieldSpec } from './fields.ts';

/**
 * What every procedure beside tolerance answers for one matter (纠错, 事前报备, and next 澄清正名 and
 * 回访教育): the summary with the user's view, the steps the user may take now, records, files,
 * documents and the timeline. The procedure's own facts (the order, the filing…) ride along in
 * `matter` and are drawn by the procedure's config.
 */
export type ProcedureDetail = {
  matter: MatterSummary & { view: 'full' | 'outcome' | 'party' | 'limited'; version: number };
  /** The steps the user may take now; with their forms' fields when the API declares them. */
  allowedActions: (AllowedAction & DescribedStep)[];
  records: MatterRecord[];
  files: z.infer<typeof CorrectionSchema>['files'];
  documents: z.infer<typeof CorrectionSchema>['documents'];
  timeline: z.infer<typeof CorrectionSchema>['timeline'];
};

/** Colour families of status tags (matters.css `rc-mstatus-*`, plus `alert` in procedures.css). */
export type StatusTone = 'idle' | 'intake' | 'waiting' | 'decide' | 'done' | 'alert';

/** Text of the procedure's i18n subtree (`procedures:<type>.<path>`), with a fallback. */
export type ProcedureText = (path: string, vars?: Record<string, unknown>) => string;

/** What a procedure's page parts get: the matter, the procedure's texts, and the language. */
export type PartProps<D extends ProcedureDetail> = {
  detail: D;
  text: ProcedureText;
  language: string;
};

export type CreateForm<B> = {
  /** The fields of the create form for this user (a filer sees the routes they may file by). */
  fields: (user: Me) => readonly ProcedureFieldSpec[];
  /** Starting values (the only route the user has, a sensible deadline…). */
  initial?: (user: Me) => FormValues;
  /** The request body from the form's body (e.g. fixed values the form does not ask). */
  finish?: (body: Record<string, unknown>, user: Me) => B;
};

/**
 * One procedure's web pages, as configuration: the generic list, detail and create pages draw
 * everything from this. A new procedure adds a config like this (see correction/config.tsx), an entry
 * in registry.tsx, and its texts under `procedures:<type>` — nothing in the generic pages changes.
 */
export type ProcedureConfig<D extends ProcedureDetail, B = unknown> = {
  /** The matter type (`GET /api/matters?type=`) and the key of its texts (`procedures:<type>`). */
  type: 'correction' | 'pre_registration' | 'name_clearing' | 'follow_up';
  /** Where its pages live in the web app: list at `path`, detail at `path/:id`, create at `path/new`. */
  path: string;
  /** Its API: detail at `api/:id`, steps at `api/:id/actions/<action>`, create by POST `api`. */
  api: string;
  /** Sub-path of the multipart upload of the `add_evidence` step (`evidence`, `attachments`). */
  uploadPath: string;
  /** Whether commission staff choose who sees an upload (the contract has `visibility`). */
  uploadVisibility: boolean;
  /** The procedure table's states (domain), for the status filter. */
  states: Readonly<Record<string, { zh: string; en: string }>>;
  tones: Readonly<Record<string, StatusTone>>;
  /**
   * Each step's dialog fields, mirroring the contract's action bodies (forms.test.ts checks them), for
   * procedures whose API does not declare them: a step that comes with `fields` (澄清正名, 回访教育)
   * draws its form from those, and needs nothing here.
   */
  actions: Readonly<Record<string, readonly ProcedureFieldSpec[]>>;
  /** Steps that move the matter on, drawn as the leading button when allowed (in this order). */
  leadActions?: readonly string[];
  /** Steps whose form is long: opened in a side drawer instead of a dialog. */
  wideActions?: readonly string[];
  /** Steps that send only what the user changed from the starting values (a revision). */
  changesOnly?: readonly string[];
  /** Starting values of a step's form, from the matter (a revision starts from the filing). */
  initialValues?: (action: string, detail: D) => FormValues;
  /** Who sees the create button; absent: the procedure is not opened from these pages. */
  createRoles?: readonly Role[];
  create?: CreateForm<B>;
  /** The procedure's own facts (the order, the filing), drawn first on the detail page. */
  Facts: ComponentType<PartProps<D>>;
  /** Panels beside the basic information (the receipt, linked matters). */
  Aside?: ComponentType<PartProps<D>>;
  /** What the lists show for a matter that names no cadre (a unit's filing); default —. */
  listSubject?: (matter: MatterSummary, text: ProcedureText) => string | null;
  /** Extra lines in the basic information (label, value). */
  info?: (detail: D, text: ProcedureText, language: string) => [string, ReactNode][];
  /** A line about a record's data (a percentage, a method, a result), beside its text. */
  recordLine?: (record: MatterRecord, text: ProcedureText, language: string) => string | null;
  /** A record's text when it is not plain prose (the register form kept as fields); null hides it. */
  recordText?: (record: MatterRecord, text: ProcedureText) => string | null;
  /**
   * What the user is being asked, drawn above the steps (the cadre consulted on a clearing is told
   * what it means and that the choice is theirs); null when there is nothing to say.
   */
  Lead?: ComponentType<PartProps<D>>;
  /** A few lines at the top of a step's form (what each choice means), or null. */
  actionIntro?: (action: string, detail: D, text: ProcedureText) => ReactNode;
};
