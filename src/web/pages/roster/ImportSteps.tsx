import { Progress, Radio, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '../../api/types.ts';

/** Where an import request stands: sending the file, or waiting while the server checks it. */
export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number; dryRun: boolean }
  | { kind: 'checking'; dryRun: boolean };

/** A numbered step heading (①, ②, ③); the number is decoration for sighted users only. */
export function StepTitle({ n, id, children }: { n: number; id?: string; children: ReactNode }) {
  return (
    <span className="rc-step-title" id={id}>
      <span className="rc-step-no" aria-hidden="true">
        {n}
      </span>
      {children}
    </span>
  );
}

/** 导入方式: all rows or nothing / only the valid rows, as a labelled radio group. */
export function ImportModeStep(props: {
  mode: ImportMode;
  onChange: (mode: ImportMode) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('import');
  return (
    <fieldset className="rc-import-step">
      <legend>
        <StepTitle n={2}>{t('mode.title')}</StepTitle>
      </legend>
      <Radio.Group
        value={props.mode}
        onChange={(event) => props.onChange(event.target.value as ImportMode)}
        disabled={props.disabled}
      >
        <Space orientation="vertical">
          <Radio value="all_or_nothing">
            <strong>{t('mode.allOrNothing')}</strong>
            <span className="rc-radio-help">{t('mode.allOrNothingHelp')}</span>
          </Radio>
          <Radio value="valid_rows">
            <strong>{t('mode.validRows')}</strong>
            <span className="rc-radio-help">{t('mode.validRowsHelp')}</span>
          </Radio>
        </Space>
      </Radio.Group>
    </fieldset>
  );
}

/** Upload progress (from XMLHttpRequest upload events), then an indeterminate bar while the server works. */
export function ImportProgress({ phase }: { phase: ImportPhase }) {
  const { t } = useTranslation('import');
  if (phase.kind === 'idle') return null;
  const label =
    phase.kind === 'uploading' ? t('run.uploading') : phase.dryRun ? t('run.checking') : t('run.importing');
  return (
    <div role="status" aria-live="polite" data-testid="import-progress">
      <Progress
        percent={phase.kind === 'uploading' ? phase.percent : 100}
        status="active"
        showInfo={phase.kind === 'uploading'}
        aria-label={label}
      />
      <span className="rc-muted">{label}</span>
    </div>
  );
}
