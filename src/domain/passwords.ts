/**
 * Password policy (等级保护 identity authentication): long enough, not the username, not one of the
 * passwords attackers try first. Returns the reason in both languages, or null when acceptable.
 */
const MIN_LENGTH = 10;

// The most-tried passwords and the patterns Chinese users commonly pick (keyboard runs, pinyin, dates).
const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', '1234512345', '1q2w3e4r5t',
  'qwertyuiop', 'qwerty123456', 'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'admin12345',
  'admin123456', 'administrator', 'iloveyou123', 'woaini1314', 'woaini123456', 'a123456789', 'aa123456789',
  'abc1234567', 'abcd123456', 'abc123456789', 'qq123456789', 'zxcvbnm123', 'asdfghjkl1', '5201314520',
  '1314520520', 'changeme123', 'welcome123', 'letmein123', 'rongcuo123', 'rongcuo2026', 'jiwei123456',
  'zuzhibu123', 'ganbu123456', 'zhongguo123', 'china123456', 'beijing2008', '88888888888', '6666666666',
  '9999999999', '1qaz2wsx3edc', '1qaz@wsx3edc', 'qazwsxedc123', 'zaq12wsxcde', 'superman123', 'football123',
]);

export type PasswordProblem = { zh: string; en: string };

export function checkPassword(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_LENGTH) return { zh: `至少 ${MIN_LENGTH} 个字符`, en: `at least ${MIN_LENGTH} characters` };
  if ([...password].length > 200) return { zh: '不能超过 200 个字符', en: 'at most 200 characters' };
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase())) return { zh: '不能包含用户名', en: 'must not contain the username' };
  if (COMMON.has(lower)) return { zh: '过于常见，容易被猜中', en: 'too common; easily guessed' };
  if (/^(.)\1+$/.test(password)) return { zh: '不能由同一个字符组成', en: 'must not repeat one character' };
  return null;
}
