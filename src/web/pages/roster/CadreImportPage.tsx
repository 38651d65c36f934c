import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { downloadImportTemplate, importCadres } from '../../api/endpoints.ts';
import type { ImportMode, ImportReport } from '../../api/types.ts';
import { useErrorText } from '../../components/errorText.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { rowsWithErrors } from './importReport.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { ImportModeStep, ImportProgress, StepTitle, type ImportPhase } from './ImportSteps.tsx';

/** A 422 `import.rows_invalid` carries the full report in details.report. */
function reportFromError(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== 'import.rows_invalid') return null;
  const details = error.details as { report?: ImportReport } | undefined;
  return details?.report ?? null;
}

/**
 * 名册导入: choose a file and a mode, preview (dry run) to see every row's problems, then import.
 * The chosen file and mode survive any error, so the user never has to pick them again.
 */
export default function CadreImportPage() {
  const { t } = useTranslation('import');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const resetResult = () => {
    setReport(null);
    setFailure(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    resetResult();
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'uploading', percent: 0, dryRun });
    try {
      const result = await importCadres(file, mode, dryRun, {
        signal: controller.signal,
        onProgress: (fraction) =>
          setPhase(
            fraction >= 1
              ? { kind: 'checking', dryRun }
              : { kind: 'uploading', percent: Math.round(fraction * 100), dryRun },
          ),
      });
      setReport(result);
    } catch (error) {
      if (controller.signal.aborted) return;
      const rejected = reportFromError(error);
      if (rejected) setReport(rejected);
      else setFailure(error);
    } finally {
      if (!controller.signal.aborted) setPhase({ kind: 'idle' });
    }
  };

  const busy = phase.kind !== 'idle';
  const previewed = report?.dryRun === true && report.mode === mode;
  const blockedByErrors = previewed && mode === 'all_or_nothing' && rowsWithErrors(report) > 0;
  const imported = report?.status === 'imported';

  const getTemplate = () => {
    setTemplateBusy(true);
    downloadImportTemplate(t('template.fileName'))
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setTemplateBusy(false));
  };

  return (
    <>
      <PageTitle title={t('title')} />
      <Card className="rc-import-card">
        <div className="rc-import-step">
          <h2>
            <StepTitle n={1} id="import-file-label">
              {t('file.title')}
            </StepTitle>
          </h2>
          <p className="rc-muted">
            {t('file.help')}{' '}
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={getTemplate}
              loading={templateBusy}
              className="rc-inline-button"
            >
              {t('template.download')}
            </Button>
          </p>
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            maxCount={1}
            disabled={busy}
            beforeUpload={(chosen) => {
              setFile(chosen);
              resetResult();
              return false; // we upload ourselves, with a mode and a dry run
            }}
            onRemove={() => {
              setFile(null);
              resetResult();
            }}
            fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
            aria-labelledby="import-file-label"
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden="true" />
            </p>
            <p className="ant-upload-text">{t('file.drop')}</p>
            <p className="ant-upload-hint">{t('file.formats')}</p>
          </Upload.Dragger>
        </div>

        {/* The last report stays visible on a mode change; "import" then waits for a new preview. */}
        <ImportModeStep mode={mode} onChange={setMode} disabled={busy} />

        <div className="rc-import-step">
          <h2>
            <StepTitle n={3}>{t('run.title')}</StepTitle>
          </h2>
          <Space wrap>
            <Button
              type={previewed ? 'default' : 'primary'}
              onClick={() => void run(true)}
              disabled={!file || busy}
              loading={busy && phase.dryRun}
              data-testid="import-preview"
            >
              {t('run.preview')}
            </Button>
            <Button
              type={previewed ? 'primary' : 'default'}
              onClick={() => void run(false)}
              disabled={!file || busy || !previewed || blockedByErrors || imported}
              loading={busy && !phase.dryRun}
              data-testid="import-run"
            >
              {t('run.import')}
            </Button>
          </Space>
          <p className="rc-muted rc-run-hint" aria-live="polite">
            {!file
              ? t('run.needFile')
              : !previewed && !imported
                ? t('run.needPreview')
                : blockedByErrors
                  ? t('run.blocked')
                  : ''}
          </p>
          <ImportProgress phase={phase} />
        </div>
      </Card>

      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('run.failed')}
          description={errorText(failure)}
          className="rc-import-failure"
        />
      ) : null}
      {report ? (
        <Card className="rc-import-card">
          <ImportReportView report={report} />
          {imported ? (
            <p className="rc-import-next">
              <Link to="/cadres">{t('run.toRoster')}</Link>
            </p>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
