// Mail clients put the earlier mail below the answer: German ones after "Am … schrieb …:",
// English ones after "On … wrote:", Outlook after "-----Ursprüngliche Nachricht-----", and
// plain-text clients prefix each quoted line with ">". The thread already holds that text.
const QUOTE_HEADER = [
  /^Am\s.+schrieb.*:\s*$/i,
  /^On\s.+wrote:\s*$/i,
  /^-{2,}\s*(Ursprüngliche Nachricht|Original Message)\s*-{2,}\s*$/i,
  /^(Von|From):\s.+$/,
];

/** The answer without the quoted earlier mail; the whole text if nothing else would be left. */
export function trimQuotedText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headerAt = lines.findIndex((line) => QUOTE_HEADER.some((re) => re.test(line.trim())));
  const kept = (headerAt >= 0 ? lines.slice(0, headerAt) : lines).filter((line) => !/^\s*>/.test(line));
  const answer = kept.join('\n').trim();
  return answer || text.trim();
}
