import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { freePort } from '../../scripts/app-server';

const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  date?: Date;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
}

/**
 * A real IMAP server (Debian's dovecot) for one test file: its own configuration, maildir and
 * passwd file in a temporary directory, listening on a free loopback port, run as the current
 * user with no system service involved.
 */
export async function startImapServer() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lotse-imap-'));
  const port = await freePort();
  const user = { name: 'antwort', password: 'imap-test-password' };
  const me = os.userInfo();
  // Dovecot refuses to run its login and internal processes as root; Debian's package creates
  // unprivileged users for them. Run by anyone else, everything runs as that user.
  const loginUser = me.uid === 0 ? 'dovenull' : me.username;
  const internalUser = me.uid === 0 ? 'dovecot' : me.username;
  await chmod(dir, 0o755);
  // Mail is never stored as root either: as root, the mailbox belongs to the dovecot user.
  const mailOwner = me.uid === 0 ? await systemUser(internalUser) : { uid: me.uid, gid: me.gid };
  for (const sub of ['mail', 'home']) {
    await mkdir(path.join(dir, sub));
    await chown(path.join(dir, sub), mailOwner.uid, mailOwner.gid);
  }
  await writeFile(path.join(dir, 'passwd'), `${user.name}:{PLAIN}${user.password}\n`);
  const conf = path.join(dir, 'dovecot.conf');
  await writeFile(
    conf,
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${loginUser}
default_internal_user = ${internalUser}
first_valid_uid = ${mailOwner.uid}
first_valid_gid = ${mailOwner.gid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    await waitForPort(port, child);
  } catch (error) {
    const logText = await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    child.kill();
    throw new Error(`dovecot did not start: ${(error as Error).message}\n${output}\n${logText}`);
  }

  const settings = { host: '127.0.0.1', port, secure: false, user: user.name, password: user.password };

  async function client() {
    const imap = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: false,
      auth: { user: user.name, pass: user.password },
      logger: false,
    });
    await imap.connect();
    return imap;
  }

  return {
    settings,
    /** Delivers a real MIME message into the mailbox (as a mail server would), returns its raw source. */
    async deliver(mail: TestMail, mailbox = 'INBOX'): Promise<Buffer> {
      const raw = await new MailComposer({ ...mail, date: mail.date ?? new Date() }).compile().build();
      const imap = await client();
      try {
        await imap.append(mailbox, raw);
      } finally {
        await imap.logout();
      }
      return raw;
    },
    /** UIDs of the mails in the mailbox that carry no \Seen flag. */
    async unseenUids(mailbox = 'INBOX'): Promise<number[]> {
      const imap = await client();
      try {
        await imap.mailboxOpen(mailbox, { readOnly: true });
        return ((await imap.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
      } finally {
        await imap.logout();
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type ImapTestServer = Awaited<ReturnType<typeof startImapServer>>;

async function waitForPort(port: number, child: ReturnType<typeof spawn>) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timeout');
}

async function systemUser(name: string) {
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`user ${name} not found (is dovecot-imapd installed?)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
