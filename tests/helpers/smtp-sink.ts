import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A local SMTP server that keeps what it receives. `rejectNext` answers the next n mails
 * with a temporary failure (451), as a struggling mail server does.
 */
export async function startSmtpSink(port: number) {
  const received: ReceivedMail[] = [];
  let rejectNext = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext--;
          const error = Object.assign(new Error('4.3.0 Mailbox temporarily unavailable'), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    received,
    rejectNextMails: (n: number) => {
      rejectNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** The text of a received mail as its reader sees it (headers decoded, quoted-printable undone). */
export async function mailText(mail: ReceivedMail): Promise<{ subject: string; text: string }> {
  const parsed = await simpleParser(mail.raw);
  return { subject: parsed.subject ?? '', text: parsed.text ?? '' };
}

/** Waits for a mail to `address` whose subject or text contains `containing`; returns its text. */
export async function waitForMail(sink: SmtpSink, address: string, containing: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const mail of sink.received.filter((m) => m.to.includes(address))) {
      const { subject, text } = await mailText(mail);
      if (subject.includes(containing) || text.includes(containing)) return `${subject}\n\n${text}`;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with ${containing}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
