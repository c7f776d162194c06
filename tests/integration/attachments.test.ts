import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { attachments, cases } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { readAttachment, removeOrphanFiles, storeAttachments } from '@/lib/attachments/store';
import { checkAttachments, type CheckedFile } from '@/lib/attachments/validate';
import { eraseRequester, exportRequester } from '@/lib/privacy/requester';
import { runRetention } from '@/lib/privacy/retention';
import { newCase, staffUser } from '../helpers/factories';
import { samplePdf, samplePng } from '../helpers/sample-files';

let admin: StaffUser;

beforeAll(async () => {
  admin = await staffUser('Anna Admin', 'admin');
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases} cascade`);
});

afterEach(() => {
  delete process.env.ATTACHMENT_DIR;
});

async function checked(): Promise<CheckedFile[]> {
  const result = await checkAttachments(
    [
      { name: 'Datenblatt.pdf', bytes: samplePdf() },
      { name: 'Foto.png', bytes: samplePng() },
    ],
    { maxBytes: 1024 * 1024, maxFiles: 5 },
  );
  if (!result.ok) throw new Error(result.error);
  return result.files;
}

const useFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lotse-attachments-'));
  process.env.ATTACHMENT_DIR = dir;
  return dir;
};

describe.each([
  ['in the database', () => undefined],
  ['in ATTACHMENT_DIR', useFolder],
])('files stored %s', (_where, setUp) => {
  it('are read back byte for byte with their detected type', async () => {
    const dir = setUp();
    const c = await newCase();
    const ids = await db.transaction((tx) => checked().then((files) => storeAttachments(tx, { caseId: c.id, messageId: null, files })));
    expect(ids).toHaveLength(2);
    const pdf = await readAttachment(ids[0]!);
    expect(pdf).toMatchObject({ fileName: 'Datenblatt.pdf', mediaType: 'application/pdf', byteSize: samplePdf().byteLength, caseId: c.id });
    expect(pdf!.bytes.equals(samplePdf())).toBe(true);
    expect((await readAttachment(ids[1]!))!.bytes.equals(samplePng())).toBe(true);
    expect(await readAttachment(ids[1]! + 1000)).toBeUndefined();
    if (dir) expect(readdirSync(dir)).toHaveLength(2);
  });

  it('are part of the access export and gone after erasure', async () => {
    const dir = setUp();
    const c = await newCase({ email: 'k.koch@example.de' });
    const other = await newCase({ email: 'other@example.de' });
    const files = await checked();
    await db.transaction(async (tx) => {
      await storeAttachments(tx, { caseId: c.id, messageId: null, files });
      await storeAttachments(tx, { caseId: other.id, messageId: null, files: files.slice(0, 1) });
    });

    const exported = await exportRequester('k.koch@example.de');
    expect(exported.cases[0]!.files).toEqual([
      expect.objectContaining({ fileName: 'Datenblatt.pdf', mediaType: 'application/pdf', contentBase64: samplePdf().toString('base64') }),
      expect.objectContaining({ fileName: 'Foto.png', mediaType: 'image/png', contentBase64: samplePng().toString('base64') }),
    ]);

    await eraseRequester(admin, 'k.koch@example.de');
    expect(await db.select({ caseId: attachments.caseId }).from(attachments)).toEqual([{ caseId: other.id }]);
    if (dir) expect(readdirSync(dir)).toHaveLength(1);
  });

  it('are deleted when retention anonymises the case', async () => {
    const dir = setUp();
    const c = await newCase({}, new Date('2023-01-02T10:00:00Z'));
    await db
      .update(cases)
      .set({ status: 'rejected', updatedAt: new Date('2023-02-01T10:00:00Z') })
      .where(eq(cases.id, c.id));
    await db.transaction(async (tx) => storeAttachments(tx, { caseId: c.id, messageId: null, files: await checked() }));
    expect(await runRetention({ now: new Date('2026-01-01T10:00:00Z'), months: 24 })).toMatchObject({ cases: 1 });
    expect(await db.select().from(attachments)).toEqual([]);
    if (dir) expect(readdirSync(dir)).toEqual([]);
  });
});

it('a rolled-back transaction leaves only an orphan file, which the cleanup removes once old enough', async () => {
  const dir = useFolder();
  const c = await newCase();
  const files = await checked();
  await expect(
    db.transaction(async (tx) => {
      await storeAttachments(tx, { caseId: c.id, messageId: null, files });
      throw new Error('rollback');
    }),
  ).rejects.toThrow('rollback');
  await db.transaction((tx) => storeAttachments(tx, { caseId: c.id, messageId: null, files: files.slice(0, 1) }));
  expect(await db.select().from(attachments)).toHaveLength(1);
  expect(readdirSync(dir)).toHaveLength(3);

  expect(await removeOrphanFiles()).toBe(0); // too young: their transaction might still be open
  const hourAgo = new Date(Date.now() - 2 * 3600_000);
  for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), hourAgo, hourAgo);
  expect(await removeOrphanFiles()).toBe(2);
  const [kept] = await db.select({ id: attachments.id }).from(attachments);
  expect((await readAttachment(kept!.id))!.bytes.equals(samplePdf())).toBe(true);
});
