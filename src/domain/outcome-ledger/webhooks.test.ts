import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { addressVerdict, MAX_ATTEMPTS, retryDelayMs, retrySchedule, validateWebhookUrl } from './webhooks.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('webhook retry schedule', () => {
  it('doubles from 30 seconds, caps at 6 hours and gives up after the last attempt', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(10)).toBe(30_000 * 512);
    expect(retryDelayMs(11)).toBe(6 * 3_600_000); // 30 s × 1024 would be 8.5 h
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).toBe(6 * 3_600_000);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    const schedule = retrySchedule();
    expect(schedule).toHaveLength(MAX_ATTEMPTS - 1);
    // About 38.5 hours from the first attempt to the last.
    expect(schedule.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(38.5, 1);
  });
});

describe('webhook callback addresses', () => {
  const strict = { allowLoopback: false };
  const loose = { allowLoopback: true };

  it('accepts http and https addresses of other systems, intranet ones included', () => {
    expect(validateWebhookUrl('https://rs.example.gov.cn/rongcuo/hook', strict)).toBe(
      'https://rs.example.gov.cn/rongcuo/hook',
    );
    expect(validateWebhookUrl(' http://10.12.0.8:8080/outcomes#x ', strict)).toBe(
      'http://10.12.0.8:8080/outcomes',
    );
    expect(validateWebhookUrl('https://[2001:db8::1]/hook', strict)).toBe('https://[2001:db8::1]/hook');
  });

  it('refuses other schemes, credentials in the URL and what is not a URL', () => {
    expect(codeOf(() => validateWebhookUrl('ftp://example.org/x', strict))).toBe('webhook.url_scheme');
    expect(codeOf(() => validateWebhookUrl('javascript:alert(1)', strict))).toBe('webhook.url_scheme');
    expect(codeOf(() => validateWebhookUrl('file:///etc/passwd', strict))).toBe('webhook.url_scheme');
    expect(codeOf(() => validateWebhookUrl('https://user:pw@example.org/', strict))).toBe(
      'webhook.url_credentials',
    );
    expect(codeOf(() => validateWebhookUrl('https://token@example.org/', strict))).toBe(
      'webhook.url_credentials',
    );
    expect(codeOf(() => validateWebhookUrl('not a url', strict))).toBe('webhook.url_invalid');
    expect(codeOf(() => validateWebhookUrl('', strict))).toBe('webhook.url_invalid');
  });

  it('refuses hosts that can never be a receiving system, in both languages', () => {
    for (const url of [
      'http://0.0.0.0/',
      'http://169.254.169.254/latest/meta-data',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://[::]/',
      'http://[fe80::1]/',
      'http://[ff02::1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://exa_mple.org/',
    ])
      expect(
        codeOf(() => validateWebhookUrl(url, loose)),
        url,
      ).toBe('webhook.url_host');
    try {
      validateWebhookUrl('http://169.254.169.254/', strict);
    } catch (error) {
      expect((error as DomainError).messageZh).toContain('链路本地地址');
      expect((error as DomainError).messageEn).toContain('link-local');
    }
  });

  it('refuses the server itself unless the installation allows loopback (demo, tests)', () => {
    for (const url of [
      'http://127.0.0.1:3000/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://2130706433/x',
    ])
      expect(
        codeOf(() => validateWebhookUrl(url, strict)),
        url,
      ).toBe('webhook.url_host');
    expect(validateWebhookUrl('http://127.0.0.1:3000/x', loose)).toBe('http://127.0.0.1:3000/x');
    expect(addressVerdict('127.0.0.1', true)).toEqual({ ok: true });
    expect(addressVerdict('::1', false).ok).toBe(false);
    expect(addressVerdict('192.168.1.20', false)).toEqual({ ok: true });
  });
});
