import { describe, expect, it } from 'vitest';
import { trimQuotedText } from '@/lib/inbound/quote';
import { replyAddress, subjectTag, tokensIn } from '@/lib/inbound/reply-token';

const TOKEN = `12.${'a'.repeat(20)}-_${'B'.repeat(21)}`;

describe('trimQuotedText', () => {
  it('cuts the earlier mail after a German, English or Outlook quote header and drops ">" lines', () => {
    expect(trimQuotedText('Ja, 500 Stück.\n\nAm Mo., 7. Dez. 2026 um 10:00 schrieb Lotse <lotse@agentur.de>:\n> Wie viele?')).toBe(
      'Ja, 500 Stück.',
    );
    expect(trimQuotedText('Yes.\n\nOn Mon, Dec 7, 2026 at 10:00 Lotse wrote:\n> How many?')).toBe('Yes.');
    expect(trimQuotedText('Gern.\r\n\r\n-----Ursprüngliche Nachricht-----\r\nVon: Lotse\r\nText')).toBe('Gern.');
    expect(trimQuotedText('> Wie viele?\n500 Stück\n> Bis wann?\nJanuar')).toBe('500 Stück\nJanuar');
  });

  it('keeps the whole text when only quote would be left', () => {
    expect(trimQuotedText('> nur Zitat')).toBe('> nur Zitat');
  });
});

describe('reply tokens', () => {
  it('are found in the plus address of the inbound address and in the subject tag, nowhere else', () => {
    expect(replyAddress(TOKEN, 'antwort@agentur.de')).toBe(`antwort+${TOKEN}@agentur.de`);
    expect(replyAddress(TOKEN, undefined)).toBeUndefined();
    const inbound = 'antwort@agentur.de';
    expect(tokensIn({ recipients: [`Antwort+${TOKEN}@agentur.de`], subject: 'Re: Hallo' }, inbound)).toEqual([TOKEN]);
    expect(tokensIn({ recipients: [inbound], subject: `AW: Rückfrage ${subjectTag('LS-2026-00012', TOKEN)}` }, inbound)).toEqual([TOKEN]);
    expect(tokensIn({ recipients: [`other+${TOKEN}@agentur.de`], subject: `Re: LS-2026-00012 ${TOKEN}` }, inbound)).toEqual([]);
  });
});
