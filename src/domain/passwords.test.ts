import { describe, expect, it } from 'vitest';
import { checkPassword, guessBits, MIN_GUESS_BITS } from './passwords.ts';
import { COMMON_GIVEN_NAMES, COMMON_SURNAMES, COMMON_WORDS } from './common-passwords.ts';

const refused = (password: string, username = 'someone') => checkPassword(password, username);

describe('checkPassword', () => {
  it('keeps the minimum length of 10 characters, counting a Chinese character as one', () => {
    expect(refused('k8#Lm2qP9')).toEqual({ zh: '至少 10 个字符', en: 'at least 10 characters' });
    expect(refused('容错纠错平台密码安全')).toBeNull(); // 10 characters, 30 bytes
    expect(refused('x'.repeat(201))?.en).toBe('at most 200 characters');
  });

  it('refuses a password containing the username, in any case', () => {
    expect(refused('Officer-kangaroo-7', 'officer')?.en).toBe('must not contain the username');
  });

  it('refuses the passwords at the top of the English leak rankings', () => {
    for (const p of [
      '1234567890',
      'qwertyuiop',
      'password123',
      'Password2026!',
      'P@ssw0rd2026',
      'iloveyou123',
      '1q2w3e4r5t',
      'a1b2c3d4e5',
      'abcdefghij',
      'Summer2026!!',
      'dragonmonkey12',
      'trustno1trustno1',
      'letmein12345',
    ]) {
      expect(refused(p), p).toMatchObject({ en: expect.stringContaining('easy to guess') });
    }
  });

  it('refuses Chinese favourites: pinyin, love numbers, names with birthdays, keyboard runs', () => {
    for (const p of [
      'woaini1314520',
      'woaini13145201314',
      '5201314520',
      '1314520520',
      'zhangwei19850315',
      'wangfang1990',
      'liuyang880808',
      'beijing2008',
      'jiwei123456',
      'zhongguo2026',
      'qazwsxedcrfv',
      '1qaz2wsx3edc',
      '147258369147',
      '13812345678',
      'Xiaoming@2026',
      'laopo19900101',
    ]) {
      expect(refused(p), p).toMatchObject({ zh: expect.stringContaining('容易被猜中') });
    }
  });

  it('refuses birthdays written as 19xxxxxx or 20xxxxxx whatever surrounds them', () => {
    for (const y of [1956, 1971, 1988, 1999, 2003]) {
      expect(refused(`li${y}0612!`), String(y)).not.toBeNull();
      expect(refused(`${y}0612${y}`), String(y)).not.toBeNull();
    }
  });

  it('refuses repetitions of one character or of a short piece', () => {
    expect(refused('aaaaaaaaaaaa')?.en).toBe('must not repeat one character');
    expect(refused('abcabcabcabc')).not.toBeNull();
    expect(refused('iloveyouiloveyou')).not.toBeNull();
  });

  it('accepts long or random passwords, passphrases of unrelated words and Chinese sentences', () => {
    for (const p of [
      'k8#Lm2qP9z',
      'xkcdqmpwzt',
      'Tr0ub4dor&3',
      'correcthorsebatterystaple',
      'purple-kangaroo-7',
      'zheshiyigemima',
      '我的密码是容错纠错平台',
    ]) {
      expect(refused(p), p).toBeNull();
    }
  });

  it('accepts the public demo password (DESIGN §5 fixes it; the demo seed goes through this check)', () => {
    expect(refused('rongcuo-demo-2026', 'officer')).toBeNull();
  });
});

describe('guessBits', () => {
  it('charges a listed word far less than its letters guessed one by one', () => {
    expect(guessBits('sunshine')).toBeLessThan(12);
    expect(guessBits('qmzkwhvp')).toBeGreaterThan(37);
  });

  it('undoes l33t spelling and charges a little for capitals', () => {
    expect(guessBits('P@ssw0rd')).toBeGreaterThan(guessBits('password'));
    expect(guessBits('P@ssw0rd')).toBeLessThan(guessBits('password') + 3);
  });

  it('treats a valid date as one piece but not an impossible one', () => {
    expect(guessBits('19850315')).toBeLessThan(16);
    expect(guessBits('19851332')).toBeGreaterThan(16);
  });

  it('sits the threshold between weak and acceptable', () => {
    expect(guessBits('dragon-monkey-tiger')).toBeGreaterThan(MIN_GUESS_BITS);
    expect(guessBits('woaini-1314')).toBeLessThan(MIN_GUESS_BITS);
  });
});

describe('the common-password data', () => {
  it('is a sizeable lower-case list with the Chinese patterns in it', () => {
    expect(COMMON_WORDS.size).toBeGreaterThan(700);
    for (const w of ['password', 'woaini', '5201314', '1314', 'zhongguo', 'qwerty'])
      expect(COMMON_WORDS.has(w), w).toBe(true);
    for (const set of [COMMON_WORDS, COMMON_SURNAMES, COMMON_GIVEN_NAMES])
      for (const w of set) expect(w).toBe(w.toLowerCase());
    expect(COMMON_SURNAMES.has('zhang') && COMMON_GIVEN_NAMES.has('wei')).toBe(true);
  });
});
