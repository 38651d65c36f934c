/**
 * Delivery of the outcome ledger to other systems (webhooks): which callback addresses are
 * acceptable, and when a failed delivery is tried again. Pure rules; the worker and the use cases
 * apply them.
 *
 * Addresses: http or https only, no credentials in the URL (the HMAC signature authenticates the
 * sender, and a password in a URL ends up in logs), and no host that can never be a receiving
 * system — unspecified, link-local (cloud metadata lives at 169.254.169.254), multicast, broadcast.
 * Private addresses stay allowed: a county's personnel system usually sits on the government
 * intranet. Loopback (the server itself) only where the installation allows it (demo, tests).
 */
import { DomainError } from '../errors.ts';

/** One delivery may take at most this long before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** First retry after 30 s, doubling, never more than 6 h apart; given up after 16 attempts (about 38.5 h after the first). */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 6 * 3_600_000;
export const MAX_ATTEMPTS = 16;
/** A signed request older or newer than this is refused (replay). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; null when that
 * was the last attempt. Deterministic (no jitter): deliveries are spread by when entries arise, and
 * a receiver can plan on the published schedule.
 */
export function retryDelayMs(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt ${attempt}`);
  if (attempt >= MAX_ATTEMPTS) return null;
  return Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), RETRY_CAP_MS);
}

/** The whole schedule, for the documentation and the tests: delays after attempts 1 … MAX-1. */
export function retrySchedule(): number[] {
  const out: number[] = [];
  for (let a = 1; a < MAX_ATTEMPTS; a++) out.push(retryDelayMs(a)!);
  return out;
}

/** Whether an HTTP status means the receiver took the delivery. */
export function isAccepted(status: number): boolean {
  return status >= 200 && status < 300;
}

type HostVerdict = { ok: true } | { ok: false; reasonZh: string; reasonEn: string };

const BAD = (reasonZh: string, reasonEn: string): HostVerdict => ({ ok: false, reasonZh, reasonEn });

/** IPv4 dotted quad → its four numbers, or null. */
function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/**
 * Whether a resolved address may be called. `allowLoopback` lets the installation call itself
 * (demo mode, tests); everything else that can never be another system is refused.
 */
export function addressVerdict(address: string, allowLoopback: boolean): HostVerdict {
  const host = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = ipv4(host) ?? mappedIpv4(host);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    if (a === 0) return BAD('未指定地址', 'an unspecified address');
    if (a === 127)
      return allowLoopback ? { ok: true } : BAD('本机回环地址', 'a loopback address (this server)');
    if (a === 169 && b === 254)
      return BAD('链路本地地址（含云服务元数据地址）', 'a link-local address (cloud metadata)');
    if (a >= 224 && a <= 239) return BAD('组播地址', 'a multicast address');
    if (a >= 240) return BAD('保留或广播地址', 'a reserved or broadcast address');
    return { ok: true };
  }
  if (host.includes(':')) {
    if (host === '::') return BAD('未指定地址', 'an unspecified address');
    if (host === '::1')
      return allowLoopback ? { ok: true } : BAD('本机回环地址', 'a loopback address (this server)');
    if (/^fe[89ab]/.test(host)) return BAD('链路本地地址', 'a link-local address');
    if (/^ff/.test(host)) return BAD('组播地址', 'a multicast address');
    return { ok: true };
  }
  return { ok: true };
}

/** `::ffff:1.2.3.4` → 1.2.3.4 (an IPv4 address in IPv6 clothing is judged as IPv4). */
function mappedIpv4(host: string): number[] | null {
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(host);
  if (dotted) return ipv4(dotted[1]!);
  // The URL parser writes it in hex: ::ffff:a9fe:a9fe.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255];
}

/** Host names that name this machine or nothing at all. */
function hostNameVerdict(host: string, allowLoopback: boolean): HostVerdict {
  if (host === 'localhost' || host.endsWith('.localhost'))
    return allowLoopback ? { ok: true } : BAD('本机地址', 'this server itself');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(host))
    return BAD('主机名格式不正确', 'not a valid host name');
  if (/^\d+$/.test(host.replace(/\./g, '')) && !ipv4(host))
    return BAD('不是有效的 IP 地址', 'not a valid IP address');
  return { ok: true };
}

/**
 * Checks a callback address and returns it normalised (as the URL parser writes it).
 * @throws DomainError('webhook.url_invalid' | 'webhook.url_scheme' | 'webhook.url_credentials' | 'webhook.url_host')
 */
export function validateWebhookUrl(raw: string, options: { allowLoopback: boolean }): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError('webhook.url_invalid', {}, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DomainError('webhook.url_scheme', {}, 'url');
  if (url.username || url.password) throw new DomainError('webhook.url_credentials', {}, 'url');
  const host = url.hostname.toLowerCase();
  if (!host) throw new DomainError('webhook.url_invalid', {}, 'url');
  const literal = host.startsWith('[') || ipv4(host) !== null;
  const verdict = literal
    ? addressVerdict(host, options.allowLoopback)
    : hostNameVerdict(host, options.allowLoopback);
  if (!verdict.ok)
    throw new DomainError(
      'webhook.url_host',
      { host, reasonZh: verdict.reasonZh, reasonEn: verdict.reasonEn },
      'url',
    );
  // A fragment never reaches the receiver; drop it rather than store something misleading.
  url.hash = '';
  return url.toString();
}
