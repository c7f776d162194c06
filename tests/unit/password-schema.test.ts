import { describe, expect, it } from 'vitest';
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, signInSchema } from '../../lib/auth/schema';
import { messages } from '../../lib/i18n';

const tooLong = messages.errors.passwordTooLong(72);
const account = { email: 'neu@leg.example', name: 'Neu Angelegt', role: 'expert' };

/** The schemas that set a password, each with the password in its place. */
const setters = {
  'user create (CLI and admin)': (password: string) => createUserSchema.safeParse({ ...account, password }),
  'admin reset': (password: string) => resetPasswordSchema.safeParse({ userId: 1, password }),
  'own change': (password: string) =>
    changeOwnPasswordSchema.safeParse({ currentPassword: 'alt', newPassword: password, confirmPassword: password }),
};

describe.each(Object.entries(setters))('a password set by %s', (_, parse) => {
  it('may be 72 bytes long', () => {
    expect(parse('a'.repeat(72)).success).toBe(true);
    expect(parse('ä'.repeat(36)).success).toBe(true);
  });

  it('is refused past 72 UTF-8 bytes, with a German message naming the limit', () => {
    for (const password of ['a'.repeat(73), 'ä'.repeat(37), `${'a'.repeat(70)}€`]) {
      const result = parse(password);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toContain(tooLong);
    }
  });
});

it('signing in still accepts a long password (accounts set before the limit keep working)', () => {
  expect(signInSchema.safeParse({ email: 'a@leg.example', password: 'ä'.repeat(100) }).success).toBe(true);
});
