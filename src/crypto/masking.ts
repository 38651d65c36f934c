/**
 * Masking for lists and exports (脱敏): sensitive numbers are shown masked by default. Pure string
 * functions with no Node imports, so the web app can use them too.
 */

/** '330102199001011234' → '330102********1234': keeps the region code (6) and the last 4. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber.trim(), 6, 4);
}

/** '13812345678' → '138****5678': keeps the carrier prefix (3) and the last 4. */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile.trim(), 3, 4);
}

/**
 * Replaces all but the first `keepStart` and last `keepEnd` characters with '*'. Values too short
 * to keep both ends and still hide something are masked entirely, so a malformed value never leaks.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const hidden = chars.length - keepStart - keepEnd;
  return (
    chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('')
  );
}
