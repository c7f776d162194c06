import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../lib/auth/return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/cases/12?tab=notes#verlauf', '/cases/12?tab=notes#verlauf'],
    ['/account', '/account'],
    ['/.//evil.example/phish', '/evil.example/phish'],
  ])('keeps the same-origin path %s', (target, path) => {
    expect(safeReturnPath(target)).toBe(path);
  });

  it.each([
    '/\\evil.example/phish',
    '/\t/evil.example',
    '\t//evil.example',
    '//evil.example/phish',
    'https://evil.example/phish',
    'javascript:alert(1)',
    'http://[::1',
    '',
    undefined,
  ])('refuses %j and falls back', (target) => {
    expect(safeReturnPath(target)).toBe('/cases');
  });

  it('accepts absolute URLs only on the given origin', () => {
    expect(safeReturnPath('http://lotse.test:3000/login', 'http://lotse.test:3000', '/')).toBe('/login');
    expect(safeReturnPath('http://lotse.test:4000/login', 'http://lotse.test:3000', '/')).toBe('/');
  });
});
