import { useTranslation } from 'react-i18next';
import { ApiError, type ClientErrorCode } from '../api/client.ts';

const CLIENT_CODES: readonly ClientErrorCode[] = ['client.network', 'client.bad_response', 'client.http'];

/**
 * Returns a function giving the text to show for any error: the server's message in the current
 * language, a translated text for browser-side failures, or a generic line for anything else.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('errors');
  return (error: unknown) => {
    if (error instanceof ApiError) {
      const server = i18n.language === 'en' ? error.messageEn : error.messageZh;
      if (server) return server;
      const code = CLIENT_CODES.find((known) => known === error.code);
      if (code === 'client.http') return t('client.http', { status: error.status });
      if (code) return t(code);
    }
    return t('client.unexpected');
  };
}

/** The HTTP status of an error, or 0 when it did not come from the API. */
export function errorStatus(error: unknown): number {
  return error instanceof ApiError ? error.status : 0;
}
