'use server';

import { publicAction } from '@/app/guards';
import { requesterIp } from '@/app/requester-ip';
import type { StatusView } from '@/components/status-lookup-form';
import type { ActionResult } from '@/lib/action-result';
import { db } from '@/db/client';
import { config } from '@/lib/config';
import { issueThreadLink } from '@/lib/conversations/thread';
import { messages } from '@/lib/i18n';
import { statusLookupSchema } from '@/lib/intake/schema';
import { findPublicStatus } from '@/lib/intake/status';
import { consume } from '@/lib/rate-limit';

/** Public: reference and email together are the requester's key; attempts are rate-limited. */
export const lookUpStatus = publicAction(statusLookupSchema, async (input): Promise<ActionResult<StatusView>> => {
  const limit = await consume({ name: 'status', points: config().STATUS_RATE_LIMIT, windowSeconds: 600 }, await requesterIp());
  if (!limit.ok) return { ok: false, error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) };
  const found = await findPublicStatus(input.reference, input.email);
  if (!found) return { ok: false, error: messages.status.notFound };
  return {
    ok: true,
    data: {
      reference: found.reference,
      status: messages.publicStatus[found.status],
      submittedAt: found.submittedAt.toISOString(),
      updatedAt: found.updatedAt.toISOString(),
      // Reference and email proved who asks: the same thread the mailed links open.
      threadPath: await issueThreadLink(db, found.caseId),
    },
  };
});
