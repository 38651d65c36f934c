/**
 * Where to go after signing in. Only same-site paths are accepted so a crafted
 * `/login?next=https://evil.example` cannot send a user away (open redirect).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/** The login URL that brings the user back to `path` (and says why they were sent there). */
export function loginPathFor(path: string, expired: boolean): string {
  const params = new URLSearchParams();
  const next = safeNextPath(path);
  if (next !== '/') params.set('next', next);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
