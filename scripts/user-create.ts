// Creates a staff account: npm run user:create -- --email a@b.de --name "Anna B" --role admin
// The password comes from standard input, so it never shows up in the shell history or `ps`.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { closeDatabase, getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { createUserSchema } from '../lib/auth/schema';
import { createUser } from '../lib/auth/users';
import { messages } from '../lib/i18n';

const t = messages.users;
const labels: Record<string, string> = { email: t.email, name: t.name, role: t.role, password: t.password };

function printIssues(error: z.ZodError) {
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    console.error(`${labels[field] ?? field}: ${issue.message}`);
  }
}

/** The typed password, echoed into a sink so it never appears on the screen. */
async function promptHidden(prompt: string): Promise<string> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const input = createInterface({ input: process.stdin, output: sink, terminal: true });
  input.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  process.stderr.write(prompt);
  try {
    return await new Promise<string>((resolve) => {
      input.once('line', resolve);
      // Ctrl-D without a line: an empty password, which validation then refuses.
      input.once('close', () => resolve(''));
    });
  } finally {
    input.close();
    process.stderr.write('\n');
  }
}

async function readPassword(email: string): Promise<string> {
  if (process.stdin.isTTY) return promptHidden(t.cliPasswordPrompt(email));
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) return line;
  return '';
}

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    const options = { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } as const;
    values = parseArgs({ options }).values;
  } catch {
    console.error(t.cliUsage);
    return 1;
  }
  // Check the details before asking for the password, so nobody types one in vain.
  const details = createUserSchema.omit({ password: true }).safeParse(values);
  if (!details.success) {
    printIssues(details.error);
    console.error(t.cliUsage);
    return 1;
  }
  const parsed = createUserSchema.safeParse({ ...values, password: await readPassword(details.data.email) });
  if (!parsed.success) {
    printIssues(parsed.error);
    return 1;
  }

  try {
    await prepareDatabase(getDatabaseHandle());
    const result = await createUser(parsed.data);
    if (!result.ok) {
      console.error(result.error);
      return 1;
    }
    console.log(t.cliCreated(parsed.data.email, messages.roles[parsed.data.role]));
    return 0;
  } catch (error) {
    console.error(t.cliFailed, error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
