/**
 * Password policy (等级保护 identity authentication): long enough, not the username, and not
 * guessable. "Guessable" is measured, not pattern-listed: the password is split into the cheapest
 * sequence of pieces an attacker's cracking rules would try — listed common words and numbers
 * (common-passwords.ts), pinyin names, dates and years, keyboard runs, sequences, repeats — and the
 * cost of guessing each piece is added up in bits. Below the threshold the password is refused,
 * whatever its length: `woaini13145201314` is 17 characters and about 25 bits.
 */
import { COMMON_GIVEN_NAMES, COMMON_SURNAMES, COMMON_WORDS } from './common-passwords.ts';

const MIN_LENGTH = 10;
const MAX_LENGTH = 200;
/**
 * ~2e10 guesses: months of offline argon2id cracking per account on one machine, hopeless online
 * against the lock-out. (The estimate is a lower bound on real work: it ignores how the attacker
 * would have to choose among piece combinations.)
 */
export const MIN_GUESS_BITS = 34;

export type PasswordProblem = { zh: string; en: string };

const TOO_GUESSABLE: PasswordProblem = {
  zh: '过于常见或容易被猜中（常用词、姓名拼音、生日日期、键盘顺序、重复字符等），可用几个不相关的词组成较长的密码',
  en: 'too common or easy to guess (common words, pinyin names, dates, keyboard runs, repeats); try several unrelated words',
};

/** The reason a password is refused, in both languages, or null when acceptable. */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_LENGTH)
    return { zh: `至少 ${MIN_LENGTH} 个字符`, en: `at least ${MIN_LENGTH} characters` };
  if (length > MAX_LENGTH)
    return { zh: `不能超过 ${MAX_LENGTH} 个字符`, en: `at most ${MAX_LENGTH} characters` };
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return { zh: '不能包含用户名', en: 'must not contain the username' };
  if (/^(.)\1+$/su.test(password)) return { zh: '不能由同一个字符组成', en: 'must not repeat one character' };
  if (guessBits(password) < MIN_GUESS_BITS) return TOO_GUESSABLE;
  return null;
}

// --- the estimate -----------------------------------------------------------------------------

/** Substitutions cracking rules undo (p@ssw0rd → password); `l` and `1` both read as `i`. */
const SKELETON: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  l: 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};
const skeleton = (text: string) => [...text].map((c) => SKELETON[c] ?? c).join('');

const WORDS = new Set([...COMMON_WORDS].map(skeleton));
const SURNAMES = new Set([...COMMON_SURNAMES].map(skeleton));
const GIVEN = new Set([...COMMON_GIVEN_NAMES].map(skeleton));
const WORD_BITS = Math.log2(WORDS.size);
const SURNAME_BITS = Math.log2(SURNAMES.size);
const GIVEN_BITS = Math.log2(GIVEN.size);
const MAX_WORD = Math.max(...[...WORDS].map((w) => w.length));

/** Keyboard rows and columns (QWERTY, as on Chinese keyboards), read both ways. */
const KEYBOARD = [
  '`1234567890-=',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '147258369',
  '789456123',
  '741852963',
];
const KEYBOARD_BOTH = [...KEYBOARD, ...KEYBOARD.map((row) => [...row].reverse().join(''))];

function bruteBits(char: string): number {
  if (/[a-z]/.test(char)) return Math.log2(26);
  if (/[A-Z]/.test(char)) return Math.log2(26) + 1;
  if (/[0-9]/.test(char)) return Math.log2(10);
  if (/[\x20-\x7e]/.test(char)) return Math.log2(33);
  return Math.log2(3500); // a Chinese character or other script
}

const isDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const isYear = (y: number) => y >= 1940 && y <= 2039;

/** Bits to guess a run of digits read as a year or a date, or undefined when it is neither. */
function dateBits(digits: string): number | undefined {
  const n = (a: number, b: number) => Number(digits.slice(a, b));
  if (digits.length === 4) {
    if (isYear(n(0, 4))) return Math.log2(100);
    if (isDate(2000, n(0, 2), n(2, 4)) || isDate(2000, n(2, 4), n(0, 2))) return Math.log2(366);
  }
  if (digits.length === 6 && (isDate(2000, n(2, 4), n(4, 6)) || isDate(2000, n(2, 4), n(0, 2))))
    return Math.log2(100 * 366);
  if (digits.length === 8) {
    const ymd = isYear(n(0, 4)) && isDate(n(0, 4), n(4, 6), n(6, 8));
    const dmy = isYear(n(4, 8)) && (isDate(n(4, 8), n(2, 4), n(0, 2)) || isDate(n(4, 8), n(0, 2), n(2, 4)));
    if (ymd || dmy) return Math.log2(100 * 366);
  }
  return undefined;
}

/** Cost of a piece `lower[i..j)` matched by some rule, or undefined. `original` keeps the case. */
function pieceBits(original: string, lower: string, plain: string, i: number, j: number): number | undefined {
  const text = lower.slice(i, j);
  const len = j - i;
  const costs: number[] = [];
  const caps = /[A-Z]/.test(original.slice(i, j)) ? 1 : 0;
  const leet = plain.slice(i, j) !== text && !/^[0-9]+$/.test(text) ? 1 : 0;
  if (len >= 3 && WORDS.has(plain.slice(i, j))) costs.push(WORD_BITS + caps + leet);
  if (/^[0-9]+$/.test(text)) {
    const date = dateBits(text);
    if (date !== undefined) costs.push(date);
  }
  if (len >= 4 && KEYBOARD_BOTH.some((row) => row.includes(text)))
    costs.push(Math.log2(KEYBOARD_BOTH.length * 12) + Math.log2(len) + caps);
  if (len >= 3) {
    const codes = [...text].map((c) => c.charCodeAt(0));
    const step = codes[1]! - codes[0]!;
    if ((step === 1 || step === -1) && codes.every((c, k) => k === 0 || c - codes[k - 1]! === step))
      costs.push(Math.log2(36 * 2) + Math.log2(len));
    if (codes.every((c) => c === codes[0])) costs.push(bruteBits(text[0]!) + Math.log2(len));
    // The same piece again right after itself (dragondragon, 5201314 5201314).
    if (i >= len && lower.slice(i - len, i) === text) costs.push(1 + Math.log2(len));
  }
  const name = nameBits(plain.slice(i, j));
  if (name !== undefined) costs.push(name + caps);
  return costs.length > 0 ? Math.min(...costs) : undefined;
}

/** Pinyin names: a common surname followed by one or two common given-name syllables (zhangwei). */
function nameBits(text: string): number | undefined {
  if (text.length < 4 || text.length > 18) return undefined;
  for (let s = 1; s < text.length; s++) {
    if (!SURNAMES.has(text.slice(0, s))) continue;
    const rest = text.slice(s);
    if (GIVEN.has(rest)) return SURNAME_BITS + GIVEN_BITS;
    for (let g = 1; g < rest.length; g++)
      if (GIVEN.has(rest.slice(0, g)) && GIVEN.has(rest.slice(g))) return SURNAME_BITS + 2 * GIVEN_BITS;
  }
  return undefined;
}

/**
 * Estimated bits of guessing work: the cheapest way to build the password from pieces, each piece
 * either matched by a rule above or guessed one character at a time.
 */
export function guessBits(password: string): number {
  // One UTF-16 unit per character (emoji and other astral characters become one placeholder), so
  // string indexes and character positions agree.
  const original = [...password].map((c) => (c.length > 1 ? '\uFFFD' : c)).join('');
  const lower = original.toLowerCase();
  const plain = skeleton(lower);
  const n = original.length;
  const best = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  const maxPiece = Math.max(MAX_WORD, 18, ...KEYBOARD.map((r) => r.length));
  for (let i = 0; i < n; i++) {
    best[i + 1] = Math.min(best[i + 1]!, best[i]! + bruteBits(original[i]!));
    for (let j = i + 3; j <= Math.min(n, i + maxPiece); j++) {
      const piece = pieceBits(original, lower, plain, i, j);
      if (piece !== undefined) best[j] = Math.min(best[j]!, best[i]! + piece);
    }
  }
  return best[n]!;
}
