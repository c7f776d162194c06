import { fold } from './text';

const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits `text` into plain and matching parts for the folded search `terms`: "mask" marks
 * "Masken" and the "masken" in "Atemschutzmasken"; "masse" marks "Maße". Pure, for server and browser.
 */
export function markTerms(text: string, terms: readonly string[]): Segment[] {
  const wanted = terms.filter((t) => t.length > 0);
  if (wanted.length === 0 || text.length === 0) return [{ text, hit: false }];
  // Fold character by character and remember where each folded character came from.
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = fold(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) from.push(index);
    index += char.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      const start = from[at]!;
      const last = from[at + term.length - 1]!;
      let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      // Terms are stems: mark the rest of the word too ("Mask" → "Masken").
      while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
      marked.fill(true, start, end);
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    segments.push({ text: text.slice(i, j), hit: marked[i]! });
    i = j;
  }
  return segments;
}
