import { describe, expect, it } from 'vitest';
import { listStateToParams, parseListState, toInboxQuery, updateListState } from './listQuery.ts';

const STATUSES = ['rectifying', 'escalated', 'closed'];

describe('procedure list state in the URL', () => {
  it('reads search, a known status, overdue only and the page; ignores the rest', () => {
    const state = parseListState(
      new URLSearchParams('q= 城关 &status=escalated&overdueOnly=true&page=3&pageSize=50'),
      STATUSES,
    );
    expect(state).toEqual({ q: '城关', status: 'escalated', overdueOnly: true, page: 3, pageSize: 50 });
    expect(parseListState(new URLSearchParams('status=draft&page=-2&pageSize=7'), STATUSES)).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const state = { status: 'closed', overdueOnly: true, page: 2, pageSize: 20 };
    const params = listStateToParams(state);
    expect(params.toString()).toBe('status=closed&overdueOnly=true&page=2');
    expect(parseListState(params, STATUSES)).toEqual(state);
  });

  it('goes back to page 1 on a filter change, keeps the page on paging', () => {
    const state = { page: 4, pageSize: 20, status: 'closed' };
    expect(updateListState(state, { overdueOnly: true })).toEqual({
      page: 1,
      pageSize: 20,
      status: 'closed',
      overdueOnly: true,
    });
    expect(updateListState(state, { page: 5 }).page).toBe(5);
    expect(updateListState(state, { status: undefined })).toEqual({ page: 1, pageSize: 20 });
  });

  it('asks the API for the procedure’s type with the filters as strings', () => {
    expect(
      toInboxQuery('correction', { page: 1, pageSize: 20, overdueOnly: true, status: 'rectifying' }),
    ).toEqual({ type: 'correction', page: 1, pageSize: 20, status: 'rectifying', overdueOnly: 'true' });
  });
});
