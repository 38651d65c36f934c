import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { AppRoutes } from './routes/AppRoutes.tsx';
import { appTheme } from './theme.ts';

/** Providers (antd locale follows the i18n language; no auto-space in CJK buttons) and the routes. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={appTheme}
      button={{ autoInsertSpace: false }}
    >
      <ErrorBoundary>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </ErrorBoundary>
    </ConfigProvider>
  );
}
