/**
 * Role × server-action matrix: every staff server action, called as a plain function by each
 * kind of caller. Refused callers get the German refusal and change nothing in the database;
 * allowed callers get through the guard (and, with the valid inputs below, succeed).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { asc, count, eq, sql } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as accountActions from '@/app/(staff)/account/actions';
import * as privacyActions from '@/app/(staff)/admin/privacy/actions';
import * as outboxActions from '@/app/(staff)/admin/outbox/actions';
import * as synonymActions from '@/app/(staff)/admin/synonyms/actions';
import * as templateActions from '@/app/(staff)/admin/templates/actions';
import * as adminUserActions from '@/app/(staff)/admin/users/actions';
import * as caseActions from '@/app/(staff)/cases/[id]/actions';
import * as queueActions from '@/app/(staff)/cases/actions';
import * as introductionActions from '@/app/(staff)/introductions/actions';
import * as mailActions from '@/app/(staff)/mail/actions';
import * as offerActions from '@/app/(staff)/offers/[id]/actions';
import * as supplierActions from '@/app/(staff)/suppliers/[id]/actions';
import { db } from '@/db/client';
import {
  capacityOffers,
  caseEvents,
  caseMessages,
  cases,
  companies,
  companyEntryChanges,
  companyEvents,
  inboundMails,
  introductions,
  notificationSettings,
  outbox,
  replyTemplates,
  shortlistEntries,
  staffSessions,
  supplierConsents,
  synonymGroups,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { StaffUser } from '@/lib/auth/staff';
import type { StaffRole } from '@/lib/cases/vocabulary';
import { seedDefaultTemplates } from '@/lib/conversations/templates';
import { messages } from '@/lib/i18n';
import { newCase } from '../helpers/factories';
import { signedInSession } from '../helpers/staff-users';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: vi.fn() }));
// Outside a Next request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// Nor request headers (the own password change reads the client address for its throttle).
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const NOT_SIGNED_IN = { ok: false, error: messages.auth.notSignedIn };
const FORBIDDEN = { ok: false, error: messages.auth.forbidden };
const PASSWORD = 'test-password-123';

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const ACTORS = ['anonymous', 'deactivated', 'expert', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

/** The accounts behind the signed-in actors, fresh for every test. */
interface World {
  expert: StaffUser;
  admin: StaffUser;
  deactivated: StaffUser;
}

let passwordHash: string;
let world: World;

/** Inserts an account directly (one bcrypt hash for the whole file keeps this fast). */
async function insertUser(name: string, role: StaffRole, active = true): Promise<StaffUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@test.local`;
  const [row] = await db.insert(users).values({ email, name, role, active, passwordHash }).returning();
  return { id: row!.id, email: row!.email, name: row!.name, role: row!.role };
}

async function actAs(actor: Actor) {
  const session = actor === 'anonymous' ? null : await signedInSession(world[actor]);
  vi.mocked(getServerSession).mockResolvedValue(session as never);
}

/** What the guard must answer an actor for an action that needs `minRole`. */
function expectedOutcome(actor: Actor, minRole: StaffRole): 'not signed in' | 'forbidden' | 'allowed' {
  if (actor === 'anonymous' || actor === 'deactivated') return 'not signed in';
  if (minRole === 'admin' && actor === 'expert') return 'forbidden';
  return 'allowed';
}

// ---------------------------------------------------------------------------------------------
// Fixtures for plausible, valid inputs
// ---------------------------------------------------------------------------------------------

const supplierInput = (overrides = {}) => ({
  name: `Maskenwerk ${Math.random().toString(36).slice(2, 8)}`,
  kind: 'company',
  postalCode: '99084',
  city: 'Erfurt',
  sectors: ['32.50'],
  capabilities: ['FFP2-Masken'],
  certifications: [],
  description: '',
  publicListing: false,
  ...overrides,
});

async function newCompany(): Promise<number> {
  const [row] = await db
    .insert(companies)
    .values({ name: `Bestand ${Math.random().toString(36).slice(2, 8)}`, postalCode: '99084', city: 'Erfurt' })
    .returning({ id: companies.id });
  return row!.id;
}

/** Everything an action could change: users, cases (with versions), events, mails. */
async function snapshot() {
  const userRows = await db
    .select({
      id: users.id,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      sessionsValidFrom: users.sessionsValidFrom,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .orderBy(asc(users.id));
  const caseRows = await db
    .select({
      id: cases.id,
      version: cases.version,
      status: cases.status,
      priority: cases.priority,
      assigneeId: cases.assigneeId,
      tags: cases.tags,
      duplicateOfId: cases.duplicateOfId,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .orderBy(asc(cases.id));
  const companyRows = await db.select({ id: companies.id, version: companies.version }).from(companies).orderBy(asc(companies.id));
  const [companyEventCount] = await db.select({ n: count() }).from(companyEvents);
  const [events] = await db.select({ n: count() }).from(caseEvents);
  const mails = await db
    .select({ id: outbox.id, nextAttemptAt: outbox.nextAttemptAt, status: outbox.status })
    .from(outbox)
    .orderBy(asc(outbox.id));
  const synonyms = await db.select({ terms: synonymGroups.terms }).from(synonymGroups).orderBy(asc(synonymGroups.id));
  const sessions = await db
    .select({ id: staffSessions.id, revokedAt: staffSessions.revokedAt })
    .from(staffSessions)
    .orderBy(asc(staffSessions.id));
  const [messageCount] = await db.select({ n: count() }).from(caseMessages);
  const templates = await db
    .select({ id: replyTemplates.id, version: replyTemplates.version })
    .from(replyTemplates)
    .orderBy(asc(replyTemplates.id));
  const notifications = await db.select().from(notificationSettings).orderBy(asc(notificationSettings.userId));
  const offers = await db
    .select({ id: capacityOffers.id, status: capacityOffers.status, version: capacityOffers.version })
    .from(capacityOffers)
    .orderBy(asc(capacityOffers.id));
  return {
    users: userRows,
    sessions,
    notifications,
    caseMessages: messageCount!.n,
    templates,
    cases: caseRows,
    caseEvents: events!.n,
    outbox: mails,
    synonyms,
    companies: companyRows,
    companyEvents: companyEventCount!.n,
    offers,
  };
}

// ---------------------------------------------------------------------------------------------
// The matrix: every exported staff server action, the least role it needs, and a valid input
// ---------------------------------------------------------------------------------------------

/** Each staff actions.ts, by its path from the project root. Public intake actions are excluded. */
const ACTION_MODULES = {
  'app/(staff)/account/actions.ts': accountActions,
  'app/(staff)/admin/users/actions.ts': adminUserActions,
  'app/(staff)/admin/outbox/actions.ts': outboxActions,
  'app/(staff)/admin/synonyms/actions.ts': synonymActions,
  'app/(staff)/admin/templates/actions.ts': templateActions,
  'app/(staff)/admin/privacy/actions.ts': privacyActions,
  'app/(staff)/cases/actions.ts': queueActions,
  'app/(staff)/cases/[id]/actions.ts': caseActions,
  'app/(staff)/introductions/actions.ts': introductionActions,
  'app/(staff)/mail/actions.ts': mailActions,
  'app/(staff)/offers/[id]/actions.ts': offerActions,
  'app/(staff)/suppliers/[id]/actions.ts': supplierActions,
} as const;
type ActionFile = keyof typeof ACTION_MODULES;

type AnyAction = (input: unknown) => Promise<{ ok: boolean; error?: string }>;

interface MatrixRow {
  file: ActionFile;
  name: string;
  minRole: StaffRole;
  /** A valid input; `actor` is the account the call is made as (for own-account actions). */
  input: (actor: StaffUser) => Promise<unknown>;
}

function row<F extends ActionFile>(
  file: F,
  name: Extract<keyof (typeof ACTION_MODULES)[F], string>,
  minRole: StaffRole,
  input: MatrixRow['input'],
): MatrixRow {
  return { file, name, minRole, input };
}

/** A mail the inbound worker could not match, waiting on the unassigned list. */
async function unassignedMailId(): Promise<number> {
  const [mail] = await db
    .insert(inboundMails)
    .values({
      mailbox: 'INBOX',
      uidValidity: 1,
      uid: Math.floor(Math.random() * 1e9),
      fromAddress: 'frage@firma.example',
      subject: 'Frage',
      textBody: 'Text',
      receivedAt: new Date(),
      state: 'unassigned',
    })
    .returning({ id: inboundMails.id });
  return mail!.id;
}

const MATRIX: MatrixRow[] = [
  row('app/(staff)/mail/actions.ts', 'attachMail', 'expert', async () => ({
    mailId: await unassignedMailId(),
    reference: (await newCase()).reference,
  })),
  row('app/(staff)/mail/actions.ts', 'newCaseFromMail', 'expert', async () => ({ mailId: await unassignedMailId() })),
  row('app/(staff)/account/actions.ts', 'changeMyPassword', 'expert', async () => ({
    currentPassword: PASSWORD,
    newPassword: 'ein-ganz-neues-passwort',
    confirmPassword: 'ein-ganz-neues-passwort',
  })),
  row('app/(staff)/account/actions.ts', 'signOutEverywhere', 'expert', async () => ({})),
  row('app/(staff)/account/actions.ts', 'saveMyNotificationSettings', 'expert', async () => ({
    newCases: 'all',
    assignedToMe: false,
    repliesOnMyCases: true,
    dailyDigest: true,
  })),
  row('app/(staff)/admin/users/actions.ts', 'createStaffUser', 'admin', async () => ({
    email: 'neu.angelegt@leg.example',
    name: 'Neu Angelegt',
    role: 'expert',
    password: 'ein-startpasswort',
  })),
  row('app/(staff)/admin/users/actions.ts', 'changeUserRole', 'admin', async () => ({
    userId: (await insertUser('Rolf Rolle', 'expert')).id,
    role: 'admin',
  })),
  row('app/(staff)/admin/users/actions.ts', 'setUserActive', 'admin', async () => ({
    userId: (await insertUser('Dora Deaktiviert', 'expert')).id,
    active: false,
  })),
  row('app/(staff)/admin/users/actions.ts', 'resetUserPassword', 'admin', async () => ({
    userId: (await insertUser('Paul Passwort', 'expert')).id,
    password: 'zurueckgesetzt-2026',
  })),
  row('app/(staff)/admin/templates/actions.ts', 'saveReplyTemplate', 'admin', async () => {
    await seedDefaultTemplates();
    const [template] = await db.select().from(replyTemplates).orderBy(asc(replyTemplates.id)).limit(1);
    return {
      id: template!.id,
      version: template!.version,
      name: template!.name,
      subject: template!.subject,
      body: 'Guten Tag {{ansprechperson}}',
      setsStatus: template!.setsStatus ?? '',
    };
  }),
  row('app/(staff)/cases/[id]/actions.ts', 'sendCaseMessage', 'expert', async () => {
    await seedDefaultTemplates();
    return {
      caseId: (await newCase()).id,
      version: 1,
      subject: 'Rückfrage zu {{referenz}}',
      body: 'Wie viele Stück?',
      templateKey: 'query',
    };
  }),
  row('app/(staff)/admin/synonyms/actions.ts', 'saveSynonyms', 'admin', async () => ({
    text: 'FFP2, Atemschutzmaske\nSpritzguss, Kunststoffspritzgießen',
  })),
  row('app/(staff)/admin/privacy/actions.ts', 'eraseRequesterData', 'admin', async () => ({
    email: (await newCase({ email: 'loeschen@mueller-praezision.de' })).email,
    confirm: true,
  })),
  row('app/(staff)/admin/outbox/actions.ts', 'retryOutboxMail', 'admin', async () => {
    // A mail whose delivery failed and that waits for its next attempt in an hour.
    const [mail] = await db
      .insert(outbox)
      .values({
        template: 'request_confirmation',
        recipient: 'warten@firma.example',
        subject: 'Wartet',
        body: 'Text',
        attempts: 3,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
        nextAttemptAt: sql`now() + interval '1 hour'`,
      })
      .returning({ id: outbox.id });
    return { id: mail!.id };
  }),
  row('app/(staff)/cases/actions.ts', 'bulkUpdateCases', 'expert', async () => ({
    caseIds: [(await newCase()).id],
    action: 'priority',
    priority: 'urgent',
  })),
  row('app/(staff)/cases/[id]/actions.ts', 'saveCase', 'expert', async () => ({
    caseId: (await newCase()).id,
    version: 1,
    status: 'in_triage',
    priority: 'high',
    assigneeId: '',
    dueDate: '',
    tags: 'FFP2',
    reason: '',
  })),
  row('app/(staff)/cases/[id]/actions.ts', 'addCaseNote', 'expert', async () => ({
    caseId: (await newCase()).id,
    text: 'Rückruf mit Herrn Weiß für Montag vereinbart.',
  })),
  row('app/(staff)/cases/[id]/actions.ts', 'takeCaseOver', 'expert', async () => ({ caseId: (await newCase()).id, version: 1 })),
  row('app/(staff)/cases/[id]/actions.ts', 'markCaseDuplicate', 'expert', async () => {
    const original = await newCase();
    const duplicate = await newCase({ email: 'zweitanfrage@mueller-praezision.de' });
    return { caseId: duplicate.id, originalReference: original.reference };
  }),
];

MATRIX.push(
  row('app/(staff)/suppliers/[id]/actions.ts', 'createSupplier', 'expert', async () => supplierInput()),
  row('app/(staff)/suppliers/[id]/actions.ts', 'saveSupplier', 'expert', async () => ({
    id: await newCompany(),
    version: 1,
    ...supplierInput({ employees: 80 }),
  })),
  row('app/(staff)/suppliers/[id]/actions.ts', 'requestCompanyEntryCheck', 'expert', async () => {
    const id = await newCompany();
    await db.update(companies).set({ email: 'eintrag@maskenwerk.example' }).where(eq(companies.id, id));
    return { id };
  }),
  row('app/(staff)/suppliers/[id]/actions.ts', 'reviewCompanyEntryChange', 'expert', async () => {
    const companyId = await newCompany();
    const [change] = await db
      .insert(companyEntryChanges)
      .values({ companyId, changes: { description: { from: '', to: 'Masken aller Art' } } })
      .returning({ id: companyEntryChanges.id });
    return { changeId: change!.id, version: 1, apply: false };
  }),
  row('app/(staff)/suppliers/[id]/actions.ts', 'mergeCompany', 'expert', async () => ({
    keepId: await newCompany(),
    keepVersion: 1,
    removeId: await newCompany(),
    removeVersion: 1,
  })),
);

/** A new offer from the public form, waiting for review. */
async function newOffer(): Promise<number> {
  const [row] = await db
    .insert(capacityOffers)
    .values({
      organisation: `Anbieter ${Math.random().toString(36).slice(2, 8)}`,
      postalCode: '99084',
      city: 'Erfurt',
      email: 'angebot@firma.example',
      contactName: 'Olga Offerte',
      offer: 'Freie Kapazität für Laserschneiden von Blechen bis 20 mm.',
      consentVersion: 'test',
      consentedAt: new Date(),
    })
    .returning({ id: capacityOffers.id });
  return row!.id;
}

MATRIX.push(
  row('app/(staff)/offers/[id]/actions.ts', 'mergeOfferIntoCompany', 'expert', async () => ({
    offerId: await newOffer(),
    version: 1,
    companyId: await newCompany(),
    companyVersion: 1,
    take: ['email'],
    addSectors: true,
    addCertifications: true,
  })),
  row('app/(staff)/offers/[id]/actions.ts', 'createCompanyForOffer', 'expert', async () => ({ offerId: await newOffer(), version: 1 })),
  row('app/(staff)/offers/[id]/actions.ts', 'rejectCapacityOffer', 'expert', async () => ({
    offerId: await newOffer(),
    version: 1,
    note: 'Werbung, kein Angebot.',
  })),
);

/** A case with one introduction to a company that agreed to share its contact (and has an email). */
async function introducedCase() {
  const c = await newCase();
  const companyId = await newCompany();
  await db.update(companies).set({ email: 'vertrieb@maskenwerk.example' }).where(eq(companies.id, companyId));
  const [intro] = await db
    .insert(introductions)
    .values({ caseId: c.id, companyId, introducedOn: '2026-11-20', channel: 'email', introducedById: world.expert.id })
    .returning({ id: introductions.id });
  await db.insert(supplierConsents).values({ caseId: c.id, companyId, source: 'staff_phone', recordedById: world.expert.id });
  return intro!.id;
}

MATRIX.push(
  row('app/(staff)/introductions/actions.ts', 'shortlistCandidate', 'expert', async () => ({
    caseId: (await newCase()).id,
    companyId: await newCompany(),
    note: 'Liefert EN 149',
  })),
  row('app/(staff)/introductions/actions.ts', 'unshortlistCandidate', 'expert', async () => {
    const caseId = (await newCase()).id;
    const companyId = await newCompany();
    await db.insert(shortlistEntries).values({ caseId, companyId });
    return { caseId, companyId };
  }),
  row('app/(staff)/introductions/actions.ts', 'recordIntroduction', 'expert', async () => ({
    caseId: (await newCase()).id,
    companyId: await newCompany(),
    introducedOn: '2026-11-20',
    channel: 'phone',
    note: '',
    followUpOn: '',
  })),
  row('app/(staff)/introductions/actions.ts', 'setIntroductionOutcome', 'expert', async () => ({
    introductionId: await introducedCase(),
    version: 1,
    outcome: 'in_contact',
    followUpOn: '2026-12-01',
  })),
  row('app/(staff)/introductions/actions.ts', 'sendIntroductionText', 'expert', async () => ({ introductionId: await introducedCase() })),
  row('app/(staff)/introductions/actions.ts', 'askAvailability', 'expert', async () => {
    const caseId = (await newCase()).id;
    const companyId = await newCompany();
    await db.update(companies).set({ email: 'vertrieb@maskenwerk.example' }).where(eq(companies.id, companyId));
    await db.insert(shortlistEntries).values({ caseId, companyId });
    return { caseId, companyIds: [companyId] };
  }),
  row('app/(staff)/introductions/actions.ts', 'recordSupplierConsent', 'expert', async () => ({
    caseId: (await newCase()).id,
    companyId: await newCompany(),
    note: 'Herr Lenz hat am Telefon zugestimmt.',
  })),
);

const action = (r: MatrixRow) => (ACTION_MODULES[r.file] as unknown as Record<string, AnyAction>)[r.name]!;

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

beforeEach(async () => {
  await db.execute(
    sql`truncate users, cases, case_events, outbox, reference_counters, rate_limits, synonym_groups, companies, company_events, privacy_erasures, notification_settings, capacity_offers cascade`,
  );
  world = {
    expert: await insertUser('Erika Expertin', 'expert'),
    admin: await insertUser('Anna Admin', 'admin'),
    deactivated: await insertUser('Detlef Deaktiviert', 'expert', false),
  };
  vi.mocked(getServerSession).mockReset();
});

const CELLS = MATRIX.flatMap((r) => ACTORS.map((actor) => ({ ...r, actor, outcome: expectedOutcome(actor, r.minRole) })));

describe('server action authorization matrix', () => {
  it.each(CELLS)('$name (needs $minRole) as $actor: $outcome', async (cell) => {
    const input = await cell.input(cell.actor === 'anonymous' ? world.expert : world[cell.actor]);
    await actAs(cell.actor);
    const before = await snapshot();

    const result = await action(cell)(input);
    const after = await snapshot();

    expect(getServerSession).toHaveBeenCalled();
    switch (cell.outcome) {
      case 'not signed in':
        expect(result).toEqual(NOT_SIGNED_IN);
        expect(after).toEqual(before);
        break;
      case 'forbidden':
        expect(result).toEqual(FORBIDDEN);
        expect(after).toEqual(before);
        break;
      case 'allowed':
        expect(result).not.toEqual(NOT_SIGNED_IN);
        expect(result).not.toEqual(FORBIDDEN);
        // The inputs are valid, so the action goes through and changes something; this also
        // shows that the "no change" checks of the refused cells would have noticed a write.
        expect(result).toMatchObject({ ok: true });
        expect(after).not.toEqual(before);
        break;
    }
  });

  it('treats a session older than the account’s sessions_valid_from (password reset) as signed out', async () => {
    const input = await MATRIX.find((r) => r.name === 'addCaseNote')!.input(world.expert);
    vi.mocked(getServerSession).mockResolvedValue({
      ...(await signedInSession(world.expert)),
      signedInAt: Date.now() - 3_600_000,
    } as never);
    await db.update(users).set({ sessionsValidFrom: new Date() }).where(eq(users.id, world.expert.id));
    const before = await snapshot();
    expect(await caseActions.addCaseNote(input)).toEqual(NOT_SIGNED_IN);
    expect(await snapshot()).toEqual(before);
  });

  it('treats a session for an account that no longer exists as signed out', async () => {
    const input = await MATRIX.find((r) => r.name === 'addCaseNote')!.input(world.expert);
    vi.mocked(getServerSession).mockResolvedValue(
      (await signedInSession({ id: 987_654, name: 'Gibt Es Nicht', email: 'weg@test.local', role: 'admin' })) as never,
    );
    expect(await caseActions.addCaseNote(input)).toEqual(NOT_SIGNED_IN);
  });
});

describe('the matrix is complete', () => {
  const root = process.cwd();

  /** Every actions.ts under app/, except the public intake ones. */
  function staffActionFiles(dir = path.join(root, 'app')): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === '(public)' ? [] : staffActionFiles(full);
      return entry.name === 'actions.ts' ? [path.relative(root, full).split(path.sep).join('/')] : [];
    });
  }

  it('lists every staff actions.ts module', () => {
    expect(staffActionFiles().sort()).toEqual(Object.keys(ACTION_MODULES).sort());
  });

  it('has a row for every exported function of every staff actions.ts', async () => {
    const covered = new Set(MATRIX.map((r) => `${r.file} ${r.name}`));
    const missing: string[] = [];
    for (const file of staffActionFiles()) {
      const exports: Record<string, unknown> = await import(/* @vite-ignore */ path.join(root, file));
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === 'function' && !covered.has(`${file} ${name}`)) missing.push(`${file} ${name}`);
      }
    }
    expect(missing, 'server actions without a row in the authorization matrix').toEqual([]);
  });

  it('has no row for an action that does not exist', () => {
    for (const r of MATRIX) expect(typeof action(r), `${r.file} ${r.name}`).toBe('function');
  });
});
