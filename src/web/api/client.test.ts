import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler, withQuery } from './client.ts';
import { apiUpload, filenameFromDisposition } from './transfer.ts';

type Call = { url: string; init: RequestInit };
let calls: Call[];
let nextResponse: () => Response;

beforeEach(() => {
  calls = [];
  nextResponse = () => new Response(JSON.stringify({ ok: true }), { status: 200 });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return nextResponse();
  });
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});
afterEach(() => vi.unstubAllGlobals());

const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string>)[name];

describe('apiRequest', () => {
  it('sends the CSRF token on non-GET requests only, always same-origin', async () => {
    setCsrfToken('tok-1');
    await apiRequest('/api/cadres');
    await apiRequest('/api/cadres/1/reveal', { method: 'POST', body: { field: 'idNumber' } });
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[1], 'X-CSRF-Token')).toBe('tok-1');
    expect(header(calls[1], 'Content-Type')).toBe('application/json');
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('turns an error body into an ApiError with both languages', async () => {
    nextResponse = () =>
      new Response(
        JSON.stringify({ code: 'record.not_found', message: '记录不存在', messageEn: 'Record not found' }),
        {
          status: 404,
        },
      );
    const error = await apiRequest('/api/cadres/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'record.not_found',
      messageZh: '记录不存在',
      messageEn: 'Record not found',
    });
  });

  it('reports a lost session on 401, but not for the login and session probes', async () => {
    const lost = vi.fn();
    setUnauthorizedHandler(lost);
    nextResponse = () =>
      new Response(
        JSON.stringify({ code: 'auth.required', message: '请先登录', messageEn: 'Please sign in' }),
        { status: 401 },
      );
    await apiRequest('/api/auth/login', { method: 'POST', body: {} }).catch(() => undefined);
    await apiRequest('/api/auth/me').catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
    await apiRequest('/api/cadres').catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('gives a translatable code for non-JSON failures and network errors', async () => {
    nextResponse = () => new Response('<html>Bad gateway</html>', { status: 502 });
    await expect(apiRequest('/api/cadres')).rejects.toMatchObject({ code: 'client.http', status: 502 });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('/api/cadres')).rejects.toMatchObject({ code: 'client.network' });
  });

  it('resolves 204 to undefined', async () => {
    nextResponse = () => new Response(null, { status: 204 });
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/cadres', { q: '张', unitId: undefined, status: '', page: 2 })).toBe(
      '/api/cadres?q=%E5%BC%A0&page=2',
    );
    expect(withQuery('/api/cadres', {})).toBe('/api/cadres');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="roster.xlsx"; filename*=UTF-8''%E5%B9%B2%E9%83%A8.xlsx`,
        'x',
      ),
    ).toBe('干部.xlsx');
    expect(filenameFromDisposition('attachment; filename="roster.xlsx"', 'x')).toBe('roster.xlsx');
    expect(filenameFromDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('apiUpload', () => {
  class FakeXhr {
    static last: FakeXhr;
    headers: Record<string, string> = {};
    upload: {
      onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
    } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    url = '';
    constructor() {
      FakeXhr.last = this;
    }
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send() {}
    abort() {
      this.onabort?.();
    }
  }

  it('reports progress, sends the CSRF token and returns the 422 report inside the error', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    setCsrfToken('tok-2');
    const progress: number[] = [];
    const pending = apiUpload('/api/imports/cadres', new FormData(), {
      query: { mode: 'all_or_nothing', dryRun: true },
      onProgress: (f) => progress.push(f),
    });
    const xhr = FakeXhr.last;
    expect(xhr.url).toBe('/api/imports/cadres?mode=all_or_nothing&dryRun=true');
    expect(xhr.headers['X-CSRF-Token']).toBe('tok-2');
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
    xhr.status = 422;
    xhr.responseText = JSON.stringify({
      code: 'import.rows_invalid',
      message: '有误',
      messageEn: 'Invalid',
      details: { report: { status: 'rejected' } },
    });
    xhr.onload?.();
    const error = await pending.catch((e: unknown) => e);
    expect(progress).toEqual([0.5]);
    expect(error).toMatchObject({
      status: 422,
      code: 'import.rows_invalid',
      details: { report: { status: 'rejected' } },
    });
  });
});
