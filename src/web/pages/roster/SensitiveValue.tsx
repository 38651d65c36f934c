import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealCadreField } from '../../api/endpoints.ts';
import type { SensitiveField } from '../../api/types.ts';
import { useErrorText } from '../../components/errorText.ts';
import { Masked } from './labels.tsx';

type Props = {
  cadreId: string;
  field: SensitiveField;
  masked: string | null;
  /** Whether the server lists 'reveal_sensitive' in allowedActions. */
  canReveal: boolean;
};

/**
 * A masked ID or phone number with, for those allowed, a "show" button. Showing asks first,
 * because the server records every reveal in the audit log.
 */
export function SensitiveValue({ cadreId, field, masked, canReveal }: Props) {
  const { t } = useTranslation(['roster', 'common']);
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  // undefined: still masked; null: the server holds no value (shown as "none").
  const [revealed, setRevealed] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const reveal = () => {
    void modal.confirm({
      title: t(`reveal.${field}.confirm`),
      content: t('reveal.confirmBody'),
      okText: t('reveal.confirmOk'),
      cancelText: t('common:cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          const { value } = await revealCadreField(cadreId, field);
          setRevealed(value);
        } catch (error) {
          void message.error(errorText(error));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  if (!masked) return <Masked value={null} />;
  return (
    <span className="rc-sensitive">
      <span className="rc-mono" data-testid={`cadre-${field}`}>
        {revealed === undefined ? masked : (revealed ?? t('common:none'))}
      </span>
      {canReveal && revealed === undefined ? (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={reveal} loading={busy}>
          {t(`reveal.${field}.button`)}
        </Button>
      ) : null}
      {revealed !== undefined ? (
        <Button
          size="small"
          type="link"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setRevealed(undefined)}
        >
          {t('reveal.hide')}
        </Button>
      ) : null}
    </span>
  );
}
