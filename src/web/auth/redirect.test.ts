import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './redirect.ts';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/cadres?q=%E5%BC%A0&page=2')).toBe('/cadres?q=%E5%BC%A0&page=2');
  });
  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'cadres',
    '',
    null,
    '/login?next=/x',
  ])('refuses %s', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('remembers where the user was and that the session expired', () => {
    expect(loginPathFor('/cadres/7', true)).toBe('/login?next=%2Fcadres%2F7&expired=1');
  });
  it('stays short for the home page', () => {
    expect(loginPathFor('/', false)).toBe('/login');
  });
});
