'use server';

import { requesterIp } from '@/app/requester-ip';
import type { IntakeFormResult } from '@/components/request-form';
import { uploadedFiles } from '@/lib/attachments/form-data';
import { messages } from '@/lib/i18n';
import { acceptHelpRequest } from '@/lib/intake/accept';
import { issueFormToken } from '@/lib/intake/form-token';
import { log } from '@/lib/log';

/** Public, so no session check: the intake gate (validation, spam traps, rate limit) is the guard. */
export async function submitRequestForm(request: unknown, envelope: unknown, attachments?: unknown): Promise<IntakeFormResult> {
  try {
    const files = await uploadedFiles(attachments);
    if (!files.ok) return { ok: false, error: files.error, fieldErrors: { files: files.error } };
    const result = await acceptHelpRequest(request, { ip: await requesterIp(), envelope: envelope ?? {}, files: files.files });
    if (result.ok) return { ok: true, data: { reference: result.reference } };
    if (result.reason === 'invalid') return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
    // A refused form gets a new token, so the person can send the same input again.
    return { ok: false, error: result.error, formToken: issueFormToken() };
  } catch (error) {
    log.error({ event: 'intake.error', message: error instanceof Error ? error.message : String(error) });
    return { ok: false, error: messages.errors.unexpected };
  }
}
