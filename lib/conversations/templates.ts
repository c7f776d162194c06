import { asc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { replyTemplates, type CaseStatus, type ReplyTemplate } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';

const t = messages.conversations;

export const TEMPLATE_VARIABLES = ['referenz', 'organisation', 'ansprechperson', 'bearbeitung', 'bedarf'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/** Names in `{{…}}` that are not template variables, each once. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n)))];
}

/** Fills the known variables; anything else in braces stays as typed. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? values[name as TemplateVariable] : whole,
  );
}

/** The values of a case as templates name them. */
export function templateValues(c: { reference: string; organisation: string; contactName: string; description: string }, writer: { name: string }): TemplateValues {
  return { referenz: c.reference, organisation: c.organisation, ansprechperson: c.contactName, bearbeitung: writer.name, bedarf: c.description };
}

const DEFAULT_TEMPLATES: { key: keyof typeof t.templateNames; setsStatus: CaseStatus | null }[] = [
  // A query waits for the requester: their reply takes the case back to where it was.
  { key: 'query', setsStatus: 'waiting_feedback' },
  { key: 'searching', setsStatus: 'searching' },
  { key: 'no_match', setsStatus: null },
  { key: 'closing', setsStatus: 'resolved' },
];

/**
 * The four default templates, as configuration every installation needs: inserted when
 * missing, never overwriting what admins changed. Returns how many were added.
 */
export async function seedDefaultTemplates(executor: Executor = db): Promise<number> {
  const rows = await executor
    .insert(replyTemplates)
    .values(DEFAULT_TEMPLATES.map(({ key, setsStatus }) => ({ key, name: t.templateNames[key], ...t.templateDefaults[key], setsStatus })))
    .onConflictDoNothing({ target: replyTemplates.key })
    .returning({ id: replyTemplates.id });
  return rows.length;
}

export async function listTemplates(): Promise<ReplyTemplate[]> {
  return db.select().from(replyTemplates).orderBy(asc(replyTemplates.id));
}

export async function findTemplate(executor: Executor, key: string): Promise<ReplyTemplate | undefined> {
  const [row] = await executor.select().from(replyTemplates).where(eq(replyTemplates.key, key));
  return row;
}

export interface TemplateInput {
  id: number;
  version: number;
  name: string;
  subject: string;
  body: string;
  setsStatus: CaseStatus | null;
}

/** Saves an admin's edit against the version they saw; unknown variables are refused, naming them. */
export async function saveTemplate(actor: StaffUser, input: TemplateInput): Promise<ActionResult<{ version: number }>> {
  assertRole(actor, 'admin');
  const fieldErrors: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownVariables(input[field]);
    if (unknown.length > 0) fieldErrors[field] = t.unknownVariables(unknown);
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: Object.values(fieldErrors)[0]!, fieldErrors };
  const [row] = await db
    .update(replyTemplates)
    .set({
      name: input.name,
      subject: input.subject,
      body: input.body,
      setsStatus: input.setsStatus,
      version: sql`${replyTemplates.version} + 1`,
      updatedBy: actor.id,
      updatedAt: new Date(),
    })
    .where(sql`${replyTemplates.id} = ${input.id} and ${replyTemplates.version} = ${input.version}`)
    .returning({ version: replyTemplates.version });
  if (row) return { ok: true, data: { version: row.version } };
  const [exists] = await db.select({ id: replyTemplates.id }).from(replyTemplates).where(eq(replyTemplates.id, input.id));
  return { ok: false, error: exists ? t.templateConflict : t.templateNotFound };
}
