import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorStatus, useErrorText } from './errorText.ts';

/** A centred spinner with a text for screen readers; used while a page or its data loads. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullScreen ? 'rc-state rc-state-full' : 'rc-state'} role="status" aria-live="polite">
      <Spin />
      <span className="rc-state-text">{t('loading')}</span>
    </div>
  );
}

/** "Nothing here", optionally with one thing the user can do about it. */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty className="rc-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}

export type ErrorProps = { error: unknown; onRetry?: (() => void) | undefined };

/** The retry button, when retrying can help (not for "missing" or "forbidden"). */
export function RetryButton({ error, onRetry, small = false }: ErrorProps & { small?: boolean }) {
  const { t } = useTranslation();
  const status = errorStatus(error);
  if (!onRetry || status === 404 || status === 403) return null;
  return (
    <Button onClick={onRetry} size={small ? 'small' : 'middle'}>
      {t('retry')}
    </Button>
  );
}

/**
 * Why loading failed, as a one-line alert, in the user's language. Used inside sections and in the
 * first bundle; full-page errors use ErrorState (ErrorState.tsx), which carries illustrations.
 */
export function ErrorAlert({ error, onRetry }: ErrorProps) {
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={<RetryButton error={error} onRetry={onRetry} small />}
      role="alert"
    />
  );
}
