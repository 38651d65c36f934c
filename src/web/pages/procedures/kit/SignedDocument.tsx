import { FilePdfOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { downloadDocument, type DocumentFormat } from '../../../api/matters.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { FactList } from '../parts/FactList.tsx';

export type SignedDocumentRef = { documentId: string; number: string; code: string };

type Labels = {
  number: string;
  code: string;
  verify: string;
  pdf: string;
  docx: string;
  /** A line under the downloads (who it went to, what it is for). */
  note?: string | undefined;
};

/**
 * An official document the procedure issued (澄清正名书, 回访教育情况登记表): its number, the
 * verification code anyone can check at /verify, and the signed PDF and Word downloads.
 */
export function SignedDocument({
  document,
  title,
  labels,
  testId,
}: {
  document: SignedDocumentRef;
  title: string;
  labels: Labels;
  testId: string;
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const download = (format: DocumentFormat) => {
    setBusy(format);
    downloadDocument(document.documentId, format, `${document.number}.${format}`)
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setBusy(null));
  };
  return (
    <div className="rc-proc-receipt rc-kit-document" data-testid={testId}>
      <h3>
        <SafetyCertificateOutlined aria-hidden="true" /> {title}
      </h3>
      <FactList
        rows={[
          [labels.number, <span className="rc-nowrap">{document.number}</span>],
          [
            labels.code,
            <span className="rc-mono rc-proc-code" data-testid={`${testId}-code`}>
              {document.code}
            </span>,
          ],
        ]}
      />
      <p>
        <Link to={`/verify?code=${encodeURIComponent(document.code)}`} data-testid={`${testId}-verify`}>
          {labels.verify}
        </Link>
      </p>
      <div className="rc-action-bar">
        {(['pdf', 'docx'] as const).map((format) => (
          <Button
            key={format}
            icon={format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />}
            loading={busy === format}
            onClick={() => download(format)}
            data-testid={`${testId}-${format}`}
          >
            {format === 'pdf' ? labels.pdf : labels.docx}
          </Button>
        ))}
      </div>
      {labels.note ? <p className="rc-muted">{labels.note}</p> : null}
    </div>
  );
}
