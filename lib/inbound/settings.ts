import { config } from '../config';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

/** The inbound mailbox from the environment, or undefined when none is configured. */
export function imapSettings(env: NodeJS.ProcessEnv = process.env): ImapSettings | undefined {
  const c = config(env);
  if (!c.IMAP_HOST) return undefined;
  return {
    host: c.IMAP_HOST,
    port: c.IMAP_PORT,
    secure: c.IMAP_TLS === 'true',
    user: c.IMAP_USER,
    password: c.IMAP_PASSWORD,
    mailbox: c.IMAP_MAILBOX,
  };
}
