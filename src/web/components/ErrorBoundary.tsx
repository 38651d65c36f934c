import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Plain Alert, not Result: this is part of the first bundle, and Result carries large illustrations.
function CrashNotice() {
  const { t } = useTranslation('errors');
  return (
    <div className="rc-crash">
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('crash.title')}
        description={t('crash.subtitle')}
        action={
          <div className="rc-crash-actions">
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('crash.reload')}
            </Button>
            <Button href="/">{t('crash.home')}</Button>
          </div>
        }
      />
    </div>
  );
}

type Props = { children: ReactNode };
type State = { failed: boolean };

/**
 * Catches render errors (and failed page-chunk loads after a redeploy) so one broken page does not
 * blank the whole app. Keyed by path in the layout, so navigating away clears it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return <CrashNotice />;
    return this.props.children;
  }
}
