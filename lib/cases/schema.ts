import { z } from 'zod';
import { messages } from '../i18n';
import { blankToUndefined, id, multiLine, optional, reference, singleLine } from '../validation';
import { CASE_PRIORITIES, CASE_STATUSES, NEED_CATEGORIES } from './vocabulary';

const m = messages.errors;

export const caseUpdateSchema = z.object({
  caseId: id,
  version: id,
  status: z.enum(CASE_STATUSES, { error: m.chooseOne }),
  priority: z.enum(CASE_PRIORITIES, { error: m.chooseOne }),
  assigneeId: optional(id),
  dueDate: optional(z.iso.date({ error: m.date })),
  // A comma-separated string from the form, or the list it parses to (so output re-parses).
  tags: z.preprocess(
    (raw) =>
      typeof raw === 'string'
        ? [
            ...new Set(
              raw
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            ),
          ]
        : raw,
    z.array(singleLine(40), { error: m.invalidInput }).max(20, { error: m.tooLong(20) }),
  ),
  reason: optional(multiLine(1000)),
});
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;
export type CaseUpdate = z.output<typeof caseUpdateSchema>;

export const takeCaseSchema = z.object({ caseId: id, version: z.coerce.number().int().positive() });
export type TakeCaseInput = z.output<typeof takeCaseSchema>;

export const noteSchema = z.object({
  caseId: id,
  text: multiLine(5000, 1),
});
export type NoteInput = z.input<typeof noteSchema>;

export const duplicateSchema = z.object({
  caseId: id,
  originalReference: reference,
});
export type DuplicateInput = z.input<typeof duplicateSchema>;

const caseIds = z.array(id).min(1).max(200);
/** Each bulk action with exactly the value it needs. */
export const bulkSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), caseIds, assigneeId: id }),
  z.object({ action: z.literal('priority'), caseIds, priority: z.enum(CASE_PRIORITIES, { error: m.chooseOne }) }),
  z.object({ action: z.literal('spam'), caseIds }),
]);
export type BulkInput = z.output<typeof bulkSchema>;

export const QUEUE_VIEWS = ['new', 'mine', 'needs_me', 'unassigned', 'open', 'waiting', 'closed', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['created', 'priority', 'status', 'reference', 'organisation', 'overdue'] as const;

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional().catch(undefined));

/** The queue's URL search parameters; anything malformed falls back to the default. */
export const queueFilterSchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch('open'),
  status: optionalParam(z.enum(CASE_STATUSES)),
  priority: optionalParam(z.enum(CASE_PRIORITIES)),
  assignee: optionalParam(z.union([z.literal('none'), id])),
  category: optionalParam(z.enum(NEED_CATEGORIES)),
  district: optionalParam(z.string().regex(/^\d{5}$/)),
  q: optionalParam(z.string().trim().max(200)),
  from: optionalParam(z.iso.date()),
  to: optionalParam(z.iso.date()),
  sort: z.enum(QUEUE_SORTS).catch('overdue'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;
