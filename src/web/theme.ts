import type { ThemeConfig } from 'antd';

/** A restrained official palette: deep blue for actions, dark seal red only for the mark. */
export const BRAND = {
  navy: '#12355b',
  blue: '#1f4e8c',
  sealRed: '#9b1c1f',
  pageBg: '#f3f5f8',
} as const;

const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Noto Sans SC'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.blue,
    colorLink: BRAND.blue,
    colorInfo: BRAND.blue, // progress bars and info alerts in the brand blue, not antd's bright default
    // antd's default red (#ff4d4f) is 3.9:1 on white: danger buttons and error text need ≥4.5:1.
    colorError: '#c4161c',
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    colorBgLayout: BRAND.pageBg,
    // antd's defaults (45% and 25% black) fall below WCAG AA contrast for descriptions, hints
    // and select placeholders; these stay quiet but readable (≥4.5:1 on white).
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextDescription: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  components: {
    Layout: {
      headerBg: BRAND.navy,
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      triggerBg: '#ffffff',
      triggerColor: BRAND.navy,
    },
    Menu: {
      itemSelectedBg: '#e8eef7',
      itemSelectedColor: BRAND.blue,
      groupTitleColor: '#5c6b7a',
    },
  },
};
