/**
 * Resident ID numbers (公民身份号码, GB 11643-1999: 18 characters, ISO 7064 MOD 11-2 check) and
 * mainland mobile numbers. Pure: the roster import and the forms use these to say *why* a number
 * is wrong; storage then encrypts and blind-indexes the normalised value.
 */

/** Weights of the 17 body digits in the MOD 11-2 check. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Why a resident ID is not valid. */
export type ResidentIdProblem = 'format' | 'birth_date' | 'checksum';

/** What a valid resident ID says about its holder. */
export type ResidentIdInfo = {
  /** The normalised number (upper-case X). */
  id: string;
  /** 行政区划代码 at issue time, digits 1–6. */
  regionCode: string;
  /** 'YYYY-MM-DD' from digits 7–14. */
  birthDate: string;
  /** 第 17 位: odd for men, even for women. */
  gender: 'male' | 'female';
};

export type ResidentIdResult =
  { ok: true; value: ResidentIdInfo } | { ok: false; problem: ResidentIdProblem };

/**
 * Trims and unifies what people type or paste: full-width digits and 'Ｘ', a lower-case 'x', and
 * spaces inside the number. It does not repair anything else.
 */
export function normalizeResidentId(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** The check character (0–9 or X) for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates an 18-character resident ID after `normalizeResidentId`: format, a real birth date
 * (not after `latestBirthDate` 'YYYY-MM-DD' when given — pass today to refuse future dates), and
 * the check character.
 */
export function validateResidentId(input: string, latestBirthDate?: string): ResidentIdResult {
  const id = normalizeResidentId(input);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate) || (latestBirthDate !== undefined && birthDate > latestBirthDate)) {
    return { ok: false, problem: 'birth_date' };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' };
  const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id, regionCode: id.slice(0, 6), birthDate, gender } };
}

/** True for a valid resident ID (see `validateResidentId`). */
export function isValidResidentId(input: string): boolean {
  return validateResidentId(input).ok;
}

/** Removes spaces, hyphens and a leading +86 / 0086 country code; converts full-width digits. */
export function normalizeMobile(input: string): string {
  return toHalfWidth(input)
    .replace(/[\s-]+/g, '')
    .replace(/^(\+86|0086)/, '');
}

/** Mainland mobile number after `normalizeMobile`: 11 digits, 1 then 3–9. */
export function isValidMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(input));
}

function isRealDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // GB 11643's own example, 440524188001010014, was born in 1880.
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Full-width ASCII (U+FF01–U+FF5E, as Chinese input methods produce) to half-width. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
