import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Progress, Radio, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { uploadEvidence, type EvidenceFields } from '../../../api/matters.ts';
import type { MatterDetail } from '../../../api/matterTypes.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { checkText } from './actionValues.ts';
import { ruleFor } from './FieldInput.tsx';

const DESCRIPTION_MAX = 2000;
// What the server accepts (sniffed from the bytes there); this only narrows the phone's file picker.
const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.gif,.webp,.heic,.doc,.docx,.xls,.xlsx,.txt,.csv,application/pdf,image/*';

type Props<D extends { matter: { id: string } }> = {
  detail: D;
  /** Commission staff choose who may see the file; the cadre's side always shares with the commission. */
  canChooseVisibility: boolean;
  onClose: () => void;
  onDone: (detail: D) => void;
  /**
   * Where the file goes: the tolerance matter's evidence by default; the other procedures pass their
   * own upload (a correction's evidence, a pre-registration's attachments).
   */
  upload?: (
    id: string,
    file: File,
    fields: EvidenceFields,
    options: { onProgress: (fraction: number) => void },
  ) => Promise<{ matter: D }>;
  /** The dialog's title; default 上传证据材料. */
  title?: string;
};

/** 上传证据材料: one file at a time, with a description; works from a phone's camera or files. */
export function EvidenceDialog<D extends { matter: { id: string } } = MatterDetail>({
  detail,
  canChooseVisibility,
  onClose,
  onDone,
  upload,
  title,
}: Props<D>) {
  const { t } = useTranslation(['matters', 'actions', 'common']);
  const { t: tActions } = useTranslation('actions');
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceFields>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) {
      setFileError(t('actions:validation.required'));
      return;
    }
    let fields: EvidenceFields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const send =
        upload ??
        ((id: string, chosen: File, values: EvidenceFields, options: { onProgress: (f: number) => void }) =>
          uploadEvidence(id, chosen, values, options) as unknown as Promise<{ matter: D }>);
      const result = await send(detail.matter.id, file, fields, { onProgress: setProgress });
      void message.success(t('evidence.uploaded', { name: file.name }));
      onDone(result.matter);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.field === 'file') setFileError(errorText(failure));
    } finally {
      setProgress(null);
    }
  };

  const unavailable = error instanceof ApiError && error.status === 404 && error.code === 'route.not_found';
  const busy = progress !== null;
  return (
    <Modal
      open
      title={title ?? t('actions:evidence.title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={isPhone ? '100%' : 560}
      footer={
        <div className="rc-apply-buttons">
          <Button onClick={onClose} disabled={busy}>
            {t('common:cancel')}
          </Button>
          <Button type="primary" onClick={() => void submit()} loading={busy} data-testid="evidence-submit">
            {t('evidence.upload')}
          </Button>
        </div>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={unavailable ? t('evidence.unavailable') : errorText(error)}
          className="rc-section"
        />
      ) : null}
      <p className="rc-field-help">{t('evidence.chooseHint')}</p>
      <div className="rc-section">
        <Upload
          accept={ACCEPT}
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setFileError(null);
            setError(null);
            return false; // sent with the form, not on choosing
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'chosen', name: file.name, status: fileError ? 'error' : 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} disabled={busy} data-testid="evidence-choose">
            {t('evidence.choose')}
          </Button>
        </Upload>
        {fileError ? (
          <div className="ant-form-item-explain-error" role="alert">
            {fileError}
          </div>
        ) : null}
      </div>
      <Form<EvidenceFields>
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ visibility: 'parties' }}
      >
        <Form.Item
          name="description"
          label={t('evidence.description')}
          rules={[ruleFor(tActions, (v) => checkText(v, false, DESCRIPTION_MAX))]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('evidence.descriptionPlaceholder')}
            count={{ show: true, max: DESCRIPTION_MAX }}
          />
        </Form.Item>
        {canChooseVisibility ? (
          <Form.Item name="visibility" label={t('evidence.visibility')}>
            <Radio.Group>
              <Radio value="parties">{t('evidence.visibility_parties')}</Radio>
              <Radio value="internal">{t('evidence.visibility_internal')}</Radio>
            </Radio.Group>
          </Form.Item>
        ) : null}
      </Form>
      {busy ? (
        <Progress percent={Math.round((progress ?? 0) * 100)} aria-label={t('evidence.uploading')} />
      ) : null}
    </Modal>
  );
}
