import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/types.ts';
import { ImportErrors } from './ImportErrors.tsx';
import { rowsWithErrors } from './importReport.ts';

/** The alert that says what happened and what the user can do next. */
function Outcome({ report }: { report: ImportReport }) {
  const { t } = useTranslation('import');
  const badRows = rowsWithErrors(report);
  const counts = {
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    skipped: report.skipped,
  };
  // A dry run never imports, so its outcome is about what importing would do, whatever the status.
  if (!report.dryRun && report.status === 'imported') {
    return (
      <Alert
        type="success"
        showIcon
        title={t('outcome.imported')}
        description={t('outcome.importedDetail', counts)}
      />
    );
  }
  if (!report.dryRun) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('outcome.rejected', { rows: badRows })}
        description={t('outcome.rejectedDetail')}
      />
    );
  }
  if (badRows === 0) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('outcome.previewClean')}
        description={t('outcome.previewDetail', counts)}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('outcome.previewErrors', { rows: badRows })}
      description={
        report.mode === 'all_or_nothing'
          ? t('outcome.previewErrorsAllOrNothing')
          : t('outcome.previewErrorsValidRows', { rows: report.totalRows - badRows })
      }
    />
  );
}

/** 导入结果: outcome, the counts, the file's format and warnings, and the per-row error table. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('import');
  const english = i18n.language === 'en';
  const stats: { key: string; label: string; value: number }[] = [
    { key: 'total', label: t('summary.totalRows'), value: report.totalRows },
    { key: 'created', label: t('summary.created'), value: report.created },
    { key: 'updated', label: t('summary.updated'), value: report.updated },
    { key: 'unchanged', label: t('summary.unchanged'), value: report.unchanged },
    { key: 'skipped', label: t('summary.skipped'), value: report.skipped },
    { key: 'errors', label: t('summary.errorRows'), value: rowsWithErrors(report) },
  ];
  return (
    <section aria-labelledby="import-result-title" className="rc-import-result" data-testid="import-report">
      <h2 id="import-result-title" className="rc-section-title">
        {report.dryRun ? t('summary.previewTitle') : t('summary.resultTitle')}
      </h2>
      <Outcome report={report} />
      <dl className="rc-stats">
        {stats.map((stat) => (
          <div
            key={stat.key}
            className={stat.key === 'errors' && stat.value > 0 ? 'rc-stat rc-stat-bad' : 'rc-stat'}
          >
            <dt>{stat.label}</dt>
            <dd>{stat.value}</dd>
          </div>
        ))}
      </dl>
      <p className="rc-muted rc-import-format">
        {t('summary.format', {
          format: report.format.toUpperCase(),
          encoding: report.encoding ?? t('summary.encodingNone'),
        })}
      </p>
      {report.warnings.length > 0 ? (
        <Alert
          type="warning"
          title={t('summary.warnings')}
          description={
            <ul className="rc-plain-list">
              {report.warnings.map((w, i) => (
                <li key={i}>{english ? w.messageEn : w.messageZh}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {report.errors.length > 0 ? <ImportErrors errors={report.errors} /> : null}
    </section>
  );
}
