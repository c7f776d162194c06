import { z } from 'zod';
import { messages } from '../i18n';
import { multiLine } from '../validation';

const m = messages.errors;

/** The admin's synonym text: one group per line, terms separated by commas. */
export const synonymTextSchema = z.object({
  text: multiLine(20_000, 0)
    .transform((text) =>
      text
        .split('\n')
        .map((line) => [
          ...new Set(
            line
              .split(',')
              .map((term) => term.trim())
              .filter(Boolean),
          ),
        ])
        .filter((group) => group.length > 0),
    )
    .pipe(
      z
        .array(z.array(z.string().max(80, { error: m.tooLong(80) })).min(2, { error: messages.synonyms.groupTooSmall }))
        .max(500, { error: m.tooLong(500) }),
    ),
});

export function synonymText(groups: string[][]): string {
  return groups.map((group) => group.join(', ')).join('\n');
}
