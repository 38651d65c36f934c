import { describe, expect, it } from 'vitest';
import { inboxQueryToParams, isFiltered, parseInboxQuery, updateInboxQuery } from './inboxQuery.ts';

const J = '3f8f1a1e-5b7a-4c1e-9a0b-0c6f4d2e1a90';

describe('inbox query in the URL', () => {
  it('round-trips the filters and leaves defaults out', () => {
    const params = new URLSearchParams({
      q: '村道',
      status: 'verifying',
      route: 'ex_officio',
      jurisdictionId: J,
      overdueOnly: 'true',
      page: '2',
    });
    const query = parseInboxQuery(params);
    expect(query).toEqual({
      type: 'tolerance',
      q: '村道',
      status: 'verifying',
      route: 'ex_officio',
      jurisdictionId: J,
      overdueOnly: 'true',
      page: 2,
      pageSize: 20,
    });
    expect(inboxQueryToParams(query).toString()).toBe(params.toString());
  });
  it('ignores malformed values instead of sending them to the server', () => {
    const query = parseInboxQuery(
      new URLSearchParams({
        status: "x'; drop",
        route: 'nonsense',
        type: 'secret',
        jurisdictionId: '42',
        page: '-1',
        pageSize: '7',
      }),
    );
    expect(query).toEqual({ type: 'tolerance', page: 1, pageSize: 20 });
    expect(isFiltered(query)).toBe(false);
  });
  it('keeps another matter type in the URL and counts it as a filter', () => {
    const query = parseInboxQuery(new URLSearchParams({ type: 'correction' }));
    expect(inboxQueryToParams(query).toString()).toBe('type=correction');
    expect(isFiltered(query)).toBe(true);
  });
  it('goes back to page 1 when a filter changes, not when paging', () => {
    const query = parseInboxQuery(new URLSearchParams({ page: '3' }));
    expect(updateInboxQuery(query, { status: 'submitted' }).page).toBe(1);
    expect(updateInboxQuery(query, { page: 4 }).page).toBe(4);
    expect(updateInboxQuery({ ...query, status: 'submitted' }, { status: undefined })).not.toHaveProperty(
      'status',
    );
  });
});
