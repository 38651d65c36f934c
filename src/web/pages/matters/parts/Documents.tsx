import { DownloadOutlined, FilePdfOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDocument, downloadMatterFile, type DocumentFormat } from '../../../api/matters.ts';
import type { MatterDocument, MatterFile } from '../../../api/matterTypes.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { formatDateTime } from '../../../format/datetime.ts';

/** "1.2 MB" / "830 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function useDownload() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, task: () => Promise<void>) => {
    setBusy(key);
    task()
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setBusy(null));
  };
  return { busy, run };
}

/** The matter's official documents (notices, the determination…), each as PDF and Word. */
export function DocumentList({ documents }: { documents: readonly MatterDocument[] }) {
  const { t } = useTranslation('matters');
  const { busy, run } = useDownload();
  if (documents.length === 0) return <p className="rc-muted">{t('documents.empty')}</p>;
  const button = (doc: MatterDocument, format: DocumentFormat) => (
    <Button
      icon={format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />}
      loading={busy === `${doc.id}.${format}`}
      onClick={() =>
        run(`${doc.id}.${format}`, () => downloadDocument(doc.id, format, `${doc.number}.${format}`))
      }
      aria-label={t(format === 'pdf' ? 'documents.downloadPdf' : 'documents.downloadDocx', {
        title: doc.title,
      })}
      data-testid={`document-${format}`}
    >
      {t(`documents.${format}`)}
    </Button>
  );
  return (
    <>
      <ul className="rc-item-list rc-files" data-testid="documents">
        {documents.map((doc) => (
          <li key={doc.id}>
            <div className="rc-file-name">
              <strong>{doc.title}</strong>
              <div className="rc-item-meta">
                {doc.number} · {t('documents.issuedAt', { date: formatDateTime(doc.issuedAt) })} ·{' '}
                {t('documents.code')} <span className="rc-mono">{doc.code}</span>
              </div>
            </div>
            <span className="rc-action-bar">
              {button(doc, 'pdf')}
              {button(doc, 'docx')}
            </span>
          </li>
        ))}
      </ul>
      <p className="rc-footnote">{t('documents.verifyHint')}</p>
    </>
  );
}

/** Evidence files, each downloadable (always as an attachment). */
export function FileList({ matterId, files }: { matterId: string; files: readonly MatterFile[] }) {
  const { t } = useTranslation('matters');
  const { busy, run } = useDownload();
  if (files.length === 0) return <p className="rc-muted">{t('evidence.empty')}</p>;
  return (
    <ul className="rc-item-list rc-files" data-testid="evidence-files">
      {files.map((file) => (
        <li key={file.id}>
          <span className="rc-file-name">
            <PaperClipOutlined aria-hidden="true" /> {file.filename}
            <span className="rc-item-meta">
              {' '}
              · {formatSize(file.size)} · {formatDateTime(file.createdAt)}
            </span>
          </span>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === file.id}
            onClick={() => run(file.id, () => downloadMatterFile(matterId, file.id, file.filename))}
            aria-label={t('evidence.download', { name: file.filename })}
            title={t('evidence.download', { name: file.filename })}
          />
        </li>
      ))}
    </ul>
  );
}
