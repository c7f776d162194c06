// What every command-line script does around its work: parse the arguments (usage on bad
// input), default the log level, open and migrate the database and close it again, and turn
// the outcome into an exit code (errors logged by logError, without their query parameters).
import { parseArgs, type ParseArgsConfig } from 'node:util';

// Scripts print their results themselves; their JSON log lines are for warnings and errors
// unless LOG_LEVEL asks for more. Set before anything loads the logger: scripts import this
// module first.
process.env.LOG_LEVEL ??= 'warn';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

export interface Command<O extends Options, I> {
  /** Printed (German, as the other CLI texts) when the arguments do not fit. */
  usage: string;
  options: O;
  /** The command's input from the parsed arguments; undefined or a throw prints the usage. */
  parse: (args: Parsed<O>) => I | undefined;
  /** Opens (and migrates) the database before `run` and closes it afterwards. */
  database?: boolean;
  /** Printed before the error's message when `run` throws. */
  failed: string;
  /** The work; returns the exit code (0 when nothing is returned). */
  run: (input: I) => Promise<unknown>;
}

export async function runCli<O extends Options, I>(command: Command<O, I>): Promise<void> {
  let input: I | undefined;
  try {
    input = command.parse(parseArgs({ options: command.options, allowPositionals: true }));
  } catch {
    input = undefined;
  }
  if (input === undefined) {
    console.error(command.usage);
    process.exitCode = 1;
    return;
  }
  const { closeDatabase, getDatabaseHandle } = await import('../db/client');
  const { prepareDatabase } = await import('../db/prepare');
  const { logError } = await import('../lib/log');
  try {
    if (command.database) await prepareDatabase(getDatabaseHandle());
    const code = await command.run(input);
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (error) {
    logError('cli.failed', error, { script: process.argv[1] ?? '' });
    console.error(`\n${command.failed}`, error instanceof Error ? error.message.replace(/\nparams: [\s\S]*$/, '') : error);
    process.exitCode = 1;
  } finally {
    if (command.database) await closeDatabase();
  }
}

/** A whole number within bounds from a flag, or a throw (which prints the usage). */
export function integerArg(value: string | boolean | undefined, min: number, max: number): number {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min || n > max) throw new Error('out of range');
  return n;
}
