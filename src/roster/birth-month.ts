import type { GridCell } from './grid.ts';

/** A parsed 出生年月, or why it could not be read. */
export type BirthMonthResult = { month: string } | { problem: 'unrecognised' | 'ambiguous' };

const PATTERNS: readonly RegExp[] = [
  // 1985-03, 1985.3, 1985/3, 1985年3月, 1985-03-12, 1985/3/12, 1985年3月12日
  /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:月)?(?:\s*[-./]?\s*\d{1,2}\s*日?)?$/,
  // 198503, 19850312
  /^(\d{4})(\d{2})(?:\d{2})?$/,
];

/**
 * Reads the many ways rosters write a birth month and returns 'YYYY-MM'. An Excel date cell gives
 * its month. A *number* like 1985.1 is refused as ambiguous: Excel turns a typed "1985.10" into
 * 1985.1, so January and October cannot be told apart.
 */
export function parseBirthMonth(cell: GridCell, text: string): BirthMonthResult {
  if (cell.kind === 'date') {
    // exceljs builds Dates from the serial number in UTC.
    return { month: `${cell.date.getUTCFullYear()}-${pad(cell.date.getUTCMonth() + 1)}` };
  }
  const normalised = text.normalize('NFKC').trim();
  if (cell.kind === 'number' && /^\d{4}\.1$/.test(normalised)) return { problem: 'ambiguous' };
  for (const pattern of PATTERNS) {
    const match = pattern.exec(normalised);
    if (!match) continue;
    const month = Number(match[2]);
    if (month < 1 || month > 12) return { problem: 'unrecognised' };
    return { month: `${match[1]}-${pad(month)}` };
  }
  return { problem: 'unrecognised' };
}

/** Plausible birth months for a serving or retired cadre: from 1940-01 to 16 years before `now`. */
export function birthMonthRange(now: Date): { min: string; max: string } {
  return { min: '1940-01', max: `${now.getFullYear() - 16}-${pad(now.getMonth() + 1)}` };
}

function pad(month: number): string {
  return String(month).padStart(2, '0');
}
