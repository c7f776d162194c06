import { z } from 'zod';
import { messages } from '../i18n';
import { CASE_PRIORITIES, CASE_STATUSES, NEED_CATEGORIES } from './vocabulary';

const m = messages.errors;
const id = z.coerce.number().int().positive();
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const caseUpdateSchema = z.object({
  caseId: id,
  version: z.coerce.number().int().positive(),
  status: z.enum(CASE_STATUSES, { error: m.chooseOne }),
  priority: z.enum(CASE_PRIORITIES, { error: m.chooseOne }),
  assigneeId: z.preprocess(emptyToUndefined, id.optional()),
  dueDate: z.preprocess(emptyToUndefined, z.iso.date({ error: m.date }).optional()),
  // A comma-separated string from the form, or the list it parses to (so output re-parses).
  tags: z.preprocess(
    (raw) => (typeof raw === 'string' ? [...new Set(raw.split(',').map((t) => t.trim()).filter(Boolean))] : raw),
    z.array(z.string().max(40, { error: m.tooLong(40) }), { error: m.invalidInput }).max(20, { error: m.tooLong(20) }),
  ),
  reason: z.preprocess(emptyToUndefined, z.string().trim().max(1000, { error: m.tooLong(1000) }).optional()),
});
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;
export type CaseUpdate = z.output<typeof caseUpdateSchema>;

export const takeCaseSchema = z.object({ caseId: id, version: z.coerce.number().int().positive() });
export type TakeCaseInput = z.output<typeof takeCaseSchema>;

export const noteSchema = z.object({
  caseId: id,
  text: z
    .string({ error: m.required })
    .trim()
    .min(1, { error: m.required })
    .max(5000, { error: m.tooLong(5000) }),
});
export type NoteInput = z.input<typeof noteSchema>;

export const duplicateSchema = z.object({
  caseId: id,
  originalReference: z
    .string({ error: m.required })
    .trim()
    .toUpperCase()
    .regex(/^LS-\d{4}-\d{5,}$/, { error: m.reference }),
});
export type DuplicateInput = z.input<typeof duplicateSchema>;

export const BULK_ACTIONS = ['assign', 'priority', 'spam'] as const;
export const bulkSchema = z.object({
  caseIds: z.array(id).min(1).max(200),
  action: z.enum(BULK_ACTIONS),
  assigneeId: id.optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
});
export type BulkInput = z.output<typeof bulkSchema>;

export const QUEUE_VIEWS = ['new', 'mine', 'unassigned', 'open', 'waiting', 'closed', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['created', 'priority', 'status', 'reference', 'organisation', 'overdue'] as const;

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional().catch(undefined));

/** The queue's URL search parameters; anything malformed falls back to the default. */
export const queueFilterSchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch('open'),
  status: optionalParam(z.enum(CASE_STATUSES)),
  priority: optionalParam(z.enum(CASE_PRIORITIES)),
  assignee: optionalParam(z.union([z.literal('none'), z.coerce.number().int().positive()])),
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
