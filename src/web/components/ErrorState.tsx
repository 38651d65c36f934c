import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorStatus, useErrorText } from './errorText.ts';
import { RetryButton, type ErrorProps } from './PageStates.tsx';

/** A page-level error: what failed, why (in the user's language), and a retry when it can help. */
export function ErrorState({ error, onRetry }: ErrorProps) {
  const { t } = useTranslation('errors');
  const errorText = useErrorText();
  const status = errorStatus(error);
  const resultStatus = status === 404 ? '404' : status === 403 ? '403' : 'error';
  const title = status === 404 ? t('notFoundRecord') : status === 403 ? t('forbidden') : t('loadFailed');
  return (
    <div role="alert">
      <Result
        status={resultStatus}
        title={title}
        // Out-of-scope records answer 404 like missing ones (DESIGN §4), so say both.
        subTitle={status === 404 ? t('notFoundHint') : errorText(error)}
        extra={<RetryButton error={error} onRetry={onRetry} />}
      />
    </div>
  );
}
