import type { ApiErrorBody } from './types.ts';

/**
 * The one place the web app talks HTTP: same-origin cookies, the CSRF header on every non-GET
 * request, typed errors, and a hook for "the session is gone" (401) so the app can go to login.
 */

/** An error answered by the API, or a network failure shaped like one (code `client.*`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Chinese text from the server; empty for client-side failures (the UI translates `code`). */
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.messageEn || body.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn;
    this.field = body.field;
    this.details = body.details;
  }
}

/** Error codes produced in the browser; their text lives in the `errors` i18n namespace. */
export type ClientErrorCode = 'client.network' | 'client.bad_response' | 'client.http';

/** An ApiError for a failure the browser saw (network, unreadable answer). */
export function clientError(code: ClientErrorCode, status = 0): ApiError {
  return new ApiError(status, { code, message: '', messageEn: '' });
}

// Kept in memory only: the session cookie is HttpOnly and the token must not outlive the page.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The CSRF token for non-GET requests, if signed in. */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Remember the CSRF token returned by /api/auth/me and /api/auth/login (null on logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request other than login/me answers 401, i.e. the session ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

// A 401 from these is an answer ("wrong password", "not signed in"), not a lost session.
const SESSION_PROBES = ['/api/auth/login', '/api/auth/me'];

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `path?k=v&…`, leaving out empty values so URLs stay short and stable. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isJsonErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}

/** Turns a non-2xx status and its body text into an ApiError (and reports a lost session). */
export function toApiError(path: string, status: number, text: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const error = isJsonErrorBody(parsed)
    ? new ApiError(status, {
        ...parsed,
        message: parsed.message ?? '',
        messageEn: parsed.messageEn ?? '',
      })
    : clientError('client.http', status);
  if (status === 401 && !SESSION_PROBES.some((probe) => path.startsWith(probe))) unauthorizedHandler?.();
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
};

function buildInit(options: RequestOptions, accept: string): RequestInit {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, Accept: accept };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  return init;
}

/** fetch with the session conventions; rejects with ApiError on any non-2xx answer. */
export async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), buildInit(options, accept));
  } catch (error) {
    if (isAbort(error)) throw error;
    throw clientError('client.network');
  }
  if (!response.ok) throw toApiError(path, response.status, await response.text().catch(() => ''));
  return response;
}

/** JSON request; resolves to the parsed body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw clientError('client.bad_response', response.status);
  }
}
