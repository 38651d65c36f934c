import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  parseRosterQuery,
  rosterQueryToParams,
  updateRosterQuery,
} from './rosterQuery.ts';

describe('roster list URL state', () => {
  it('round-trips search, filters and paging', () => {
    const params = new URLSearchParams(
      'q=张&unitId=u1&status=retired&gender=female&partyMembership=member&page=3&pageSize=50',
    );
    const query = parseRosterQuery(params);
    expect(query).toEqual({
      q: '张',
      unitId: 'u1',
      status: 'retired',
      gender: 'female',
      partyMembership: 'member',
      page: 3,
      pageSize: 50,
    });
    expect(rosterQueryToParams(query).toString()).toBe(params.toString());
  });

  it('ignores malformed values instead of sending them to the server', () => {
    const query = parseRosterQuery(new URLSearchParams('status=fired&gender=x&page=-2&pageSize=7&q=%20%20'));
    expect(query).toEqual({ page: 1, pageSize: 20 });
    expect(rosterQueryToParams(query).toString()).toBe('');
  });

  it('goes back to page 1 when a filter changes, but not when paging', () => {
    const query = parseRosterQuery(new URLSearchParams('page=4&status=in_office'));
    expect(updateRosterQuery(query, { gender: 'male' }).page).toBe(1);
    expect(updateRosterQuery(query, { page: 5 }).page).toBe(5);
    expect(updateRosterQuery(query, { pageSize: 50 }).page).toBe(1);
  });

  it('drops a cleared filter', () => {
    const query = parseRosterQuery(new URLSearchParams('status=in_office'));
    expect(updateRosterQuery(query, { status: undefined })).toEqual({ page: 1, pageSize: 20 });
  });

  it('counts the filters behind the phone button (unit or jurisdiction counts once)', () => {
    expect(
      activeFilterCount(parseRosterQuery(new URLSearchParams('q=a&unitId=u&jurisdictionId=j&gender=male'))),
    ).toBe(2);
  });
});
