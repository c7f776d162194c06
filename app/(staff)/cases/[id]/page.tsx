import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { type ReactNode, Suspense } from 'react';
import { requireStaffPage } from '@/app/guards';
import { idParamOr404 } from '@/app/route-params';
import {
  askAvailability,
  recordIntroduction,
  recordSupplierConsent,
  sendIntroductionText,
  setIntroductionOutcome,
  shortlistCandidate,
  unshortlistCandidate,
} from '@/app/(staff)/introductions/actions';
import { OverdueBadge, PriorityLabel, StatusBadge } from '@/components/cases/badges';
import { CaseEditForm } from '@/components/cases/case-edit-form';
import { CaseFiles } from '@/components/cases/case-files';
import { DistrictMap } from '@/components/cases/district-map';
import { DuplicateForm } from '@/components/cases/duplicate-form';
import { TakeCaseButton } from '@/components/cases/take-case-button';
import { Timeline } from '@/components/cases/timeline';
import { CaseComposer } from '@/components/conversations/case-composer';
import { MessageList } from '@/components/conversations/message-list';
import { ReplyUnreadBadge } from '@/components/conversations/badges';
import { CaseCandidates } from '@/components/introductions/case-candidates';
import { CaseIntroductions } from '@/components/introductions/case-introductions';
import { IntroductionForm } from '@/components/introductions/introduction-form';
import { ShortlistPanel } from '@/components/introductions/shortlist-panel';
import { SendChecksForm } from '@/components/availability/send-checks-form';
import { withoutRequester } from '@/lib/availability/need';
import { caseAvailability } from '@/lib/availability/queries';
import { attachmentLimits, listAttachments } from '@/lib/attachments/store';
import { listUsers } from '@/lib/auth/users';
import { NewOfferMarker } from '@/components/offers/new-offer-marker';
import { caseNewOfferMatches, markOfferMatchesSeen } from '@/lib/offers/queries';
import { findRelatedCases, findSimilarCases, listActiveStaff, loadCase, loadTimeline } from '@/lib/cases/detail';
import { allowedTransitions, isClosed } from '@/lib/cases/lifecycle';
import { editableState } from '@/lib/cases/update';
import { markRepliesRead } from '@/lib/conversations/reply';
import { listTemplates, renderTemplate, templateValues } from '@/lib/conversations/templates';
import { loadMessages } from '@/lib/conversations/thread';
import { berlinDate, formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { caseIntroductions } from '@/lib/introductions/queries';
import { loadShortlist } from '@/lib/introductions/shortlist';
import { sectorTitle } from '@/lib/sectors/queries';
import { addDays } from '@/lib/time';
import { parseIdParam } from '@/lib/validation';
import { addCaseNote, markCaseDuplicate, saveCase, sendCaseMessage, takeCaseOver } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const shortlistActions = { add: shortlistCandidate, remove: unshortlistCandidate };

const t = messages.caseView;
const ti = messages.introductions;
const tc = messages.conversations;
const FOLLOW_UP_DAYS = 7;

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  // The organisation is personal enough that the title, too, is for signed-in staff only.
  await requireStaffPage('expert', `/cases/${id}`);
  const caseId = parseIdParam(id);
  const detail = caseId === undefined ? undefined : await loadCase(caseId);
  return { title: detail ? t.title(detail.case.reference, detail.case.organisation) : messages.cases.notFound };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 className="text-lg font-semibold text-brand-800">{title}</h2>
      {children}
    </section>
  );
}

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const me = await requireStaffPage('expert', `/cases/${id}`);
  const query = await searchParams;
  const q = first(query.q);
  const requested = q === undefined ? null : { q, radius_km: first(query.radius_km) };
  const detail = await loadCase(idParamOr404(id));
  if (!detail) notFound();
  const c = detail.case;
  // Opening the case is reading the reply; this view still shows the marker once.
  const replyUnread = c.replyUnreadSince !== null;
  if (replyUnread) await markRepliesRead(me, c.id);
  // The same for offers matched to the case: its assignee sees the marker this once.
  const newOffers = await caseNewOfferMatches(c.id);
  if (newOffers.length > 0) await markOfferMatchesSeen(c.id, me.id);
  const [timeline, related, similar, staff, everyone, sector, shortlist, introductions, conversation, templates, files, availability] =
    await Promise.all([
      loadTimeline(c.id),
      findRelatedCases(c),
      findSimilarCases(c),
      listActiveStaff(),
      listUsers(),
      c.sector ? sectorTitle(c.sector) : undefined,
      loadShortlist(c.id),
      caseIntroductions(c.id),
      loadMessages(c.id),
      listTemplates(),
      listAttachments([c.id]),
      caseAvailability(c.id),
    ]);
  const values = templateValues(c, me);
  const composerTemplates = templates.map((x) => ({
    key: x.key,
    name: x.name,
    subject: renderTemplate(x.subject, values),
    body: renderTemplate(x.body, values),
    setsStatus: x.setsStatus && messages.statuses[x.setsStatus],
  }));
  const today = berlinDate();
  const followUpDefault = addDays(berlinDate(), FOLLOW_UP_DAYS);
  const names = new Map(everyone.map((u) => [u.id, u.name]));
  const overdue = !c.firstRespondedAt && !c.waitingSince && c.firstResponseDueAt !== null && c.firstResponseDueAt < new Date();

  return (
    <div className="space-y-5">
      <Link href="/cases" className="text-sm text-brand-700 underline underline-offset-4">
        ← {t.back}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <PageTitle mono>{c.reference}</PageTitle>
        <StatusBadge status={c.status} />
        <PriorityLabel priority={c.priority} />
        {overdue && <OverdueBadge />}
        {replyUnread && <ReplyUnreadBadge />}
        {(c.assigneeId !== me.id || c.status === 'new') && !isClosed(c.status) && (
          <TakeCaseButton caseId={c.id} version={c.version} take={takeCaseOver} />
        )}
        <Link
          href="#kandidaten"
          className="rounded-md border border-brand-700 bg-white px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t.findSuppliers}
        </Link>
        <Link href="#verlauf" className="text-sm text-brand-700 underline underline-offset-4">
          {t.toHistory}
        </Link>
        <span className="w-full text-lg font-semibold text-slate-900 sm:w-auto">{c.organisation}</span>
        {c.waitingSince && (
          <p className="w-full text-sm text-slate-700">{messages.conversations.waitingHint(formatDateTime(c.waitingSince))}</p>
        )}
      </header>

      <NewOfferMarker matches={newOffers} />

      <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-5">
          <Section title={t.request}>
            <dl className="divide-y divide-slate-100">
              <Row label={t.category}>{messages.categories[c.category]}</Row>
              <Row label={t.description}>
                <p className="whitespace-pre-wrap">{c.description}</p>
              </Row>
              <Row label={t.urgency}>{messages.urgencies[c.urgency]}</Row>
              {c.quantity && <Row label={t.quantity}>{c.quantity}</Row>}
              {c.neededBy && <Row label={t.neededBy}>{formatDate(c.neededBy)}</Row>}
              {c.sector && <Row label={t.sector}>{`${c.sector} ${sector ?? ''}`}</Row>}
              <Row label={t.submittedAt}>{formatDateTime(c.createdAt)}</Row>
              {c.closeReason && <Row label={t.closeReason}>{c.closeReason}</Row>}
              {detail.duplicateOfReference && (
                <Row label={t.duplicateOf}>
                  <Link href={`/cases/${c.duplicateOfId}`} className="font-mono text-brand-700 underline">
                    {detail.duplicateOfReference}
                  </Link>
                </Row>
              )}
              <Row label={messages.attachments.title}>
                <CaseFiles files={files.filter((file) => file.messageId === null)} empty={messages.attachments.none} />
              </Row>
            </dl>
          </Section>

          <Section title={t.requester}>
            <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
              <dl className="divide-y divide-slate-100">
                <Row label={t.organisation}>{c.organisation}</Row>
                <Row label={t.kind}>{messages.kinds[c.organisationKind]}</Row>
                <Row label={t.contact}>{c.contactName}</Row>
                <Row label={t.email}>
                  {c.anonymisedAt ? (
                    messages.dataProtection.anonymisedValue
                  ) : (
                    <a href={`mailto:${c.email}`} className="text-brand-700 underline">
                      {c.email}
                    </a>
                  )}
                </Row>
                {c.phone && (
                  <Row label={t.phone}>
                    <a href={`tel:${c.phone}`} className="text-brand-700 underline">
                      {c.phone}
                    </a>
                  </Row>
                )}
                <Row label={t.address}>{`${c.postalCode} ${c.city}`}</Row>
                <Row label={t.district}>{detail.districtName ?? t.notLocated}</Row>
              </dl>
              {detail.districtName && (
                <div className="w-48">
                  <DistrictMap
                    districtKey={c.districtKey}
                    latitude={c.latitude}
                    longitude={c.longitude}
                    label={t.mapLabel(detail.districtName)}
                  />
                </div>
              )}
            </div>
            <p className="text-xs text-slate-600">{t.consent(c.consentVersion, formatDateTime(c.consentedAt))}</p>
          </Section>

          <Section title={tc.sectionTitle} id="nachrichten">
            <MessageList
              items={conversation}
              label={(m) => (m.direction === 'outbound' ? tc.fromStaff(m.authorName) : tc.fromRequester(m.channel))}
              empty={tc.noMessages}
              footer={(m) => <CaseFiles files={files.filter((file) => file.messageId === m.id)} />}
            />
            <h3 className="pt-2 font-semibold text-brand-800">{tc.composerTitle}</h3>
            <CaseComposer
              caseId={c.id}
              version={c.version}
              requesterEmail={c.anonymisedAt ? null : c.email}
              templates={composerTemplates}
              addNote={addCaseNote}
              send={sendCaseMessage}
              attachmentLimits={attachmentLimits()}
            />
          </Section>

          <Section title={ti.list.caseTitle} id="vermittlungen">
            <CaseIntroductions
              c={c}
              rows={introductions}
              today={today}
              staffName={me.name}
              actions={{ saveOutcome: setIntroductionOutcome, send: sendIntroductionText }}
            />
          </Section>

          <Section title={ti.candidates.title} id="kandidaten">
            <Suspense fallback={<p className="text-sm text-slate-600">…</p>}>
              <CaseCandidates
                c={c}
                requested={requested}
                shortlisted={shortlist.map((s) => s.companyId)}
                shortlistActions={shortlistActions}
              />
            </Suspense>
          </Section>
        </div>

        <div className="space-y-5">
          <Section title={t.triage}>
            <CaseEditForm
              caseId={c.id}
              state={editableState(c)}
              statusOptions={[c.status, ...allowedTransitions(c.status)]}
              staff={staff}
              save={saveCase}
            />
          </Section>
          <Section title={t.history} id="verlauf">
            {/* A long history scrolls in place instead of pushing the shortlist off the page. */}
            <div tabIndex={0} role="region" aria-label={t.history} className="max-h-[32rem] overflow-y-auto">
              <Timeline entries={timeline} names={names} />
            </div>
          </Section>
          <Section title={ti.shortlist.title} id="merkliste">
            <ShortlistPanel
              caseId={c.id}
              items={shortlist}
              availability={availability}
              actions={shortlistActions}
              recordConsent={recordSupplierConsent}
            />
            {shortlist.length > 0 && !isClosed(c.status) && (
              <details className="rounded border border-slate-200 p-3" id="verfuegbarkeit">
                <summary className="cursor-pointer font-semibold text-brand-800">{messages.availability.sendTitle}</summary>
                <div className="pt-3">
                  <SendChecksForm
                    caseId={c.id}
                    description={withoutRequester(c.description, c)}
                    candidates={shortlist.map((s) => ({
                      companyId: s.companyId,
                      name: s.name,
                      hasEmail: s.email !== null,
                      answered: Boolean(availability.checks.get(s.companyId)?.answer),
                    }))}
                    ask={askAvailability}
                  />
                </div>
              </details>
            )}
            {shortlist.length > 0 && (
              <details className="rounded border border-slate-200 p-3" open={introductions.length === 0}>
                <summary className="cursor-pointer font-semibold text-brand-800">{ti.log.open}</summary>
                <div className="pt-3">
                  <IntroductionForm
                    caseId={c.id}
                    companies={shortlist.map((s) => ({ id: s.companyId, name: s.name }))}
                    today={today}
                    followUpDefault={followUpDefault}
                    record={recordIntroduction}
                  />
                </div>
              </details>
            )}
          </Section>
          <Section title={t.related}>
            <CaseLinks cases={related} empty={t.noRelated} />
          </Section>
          <Section title={t.similar}>
            <CaseLinks cases={similar} empty={t.noSimilar} />
          </Section>
          {c.status !== 'duplicate' && (
            <Section title={t.markDuplicate}>
              <DuplicateForm caseId={c.id} markDuplicate={markCaseDuplicate} />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}

function CaseLinks({
  cases,
  empty,
}: {
  cases: { id: number; reference: string; organisation: string; status: Parameters<typeof StatusBadge>[0]['status']; createdAt: Date }[];
  empty: string;
}) {
  if (cases.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {cases.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2">
          <Link href={`/cases/${r.id}`} className="font-mono text-brand-700 underline">
            {r.reference}
          </Link>
          <span>{r.organisation}</span>
          <StatusBadge status={r.status} />
          <span className="text-slate-600">{formatDate(r.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
