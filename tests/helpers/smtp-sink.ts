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
