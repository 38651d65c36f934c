/** The product mark: a seal-like square with 容, drawn inline so it needs no request. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="4" fill="#9b1c1f" />
      <rect x="4" y="4" width="24" height="24" rx="2" fill="none" stroke="#f4e3c3" strokeWidth="1.2" />
      <text
        x="16"
        y="21.5"
        textAnchor="middle"
        fontSize="16"
        fontWeight="700"
        fill="#fff"
        fontFamily="'Noto Serif CJK SC','Songti SC','SimSun',serif"
      >
        容
      </text>
    </svg>
  );
}
