import bcrypt from 'bcryptjs';

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so the answer takes as long either way.
const DUMMY_HASH = bcrypt.hashSync('timing-equaliser', COST);

export async function burnVerification(password: string): Promise<void> {
  await bcrypt.compare(password, DUMMY_HASH);
}
