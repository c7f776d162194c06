import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { companies, companyEvents, postalPlaces } from '@/db/schema';
import { messages } from '@/lib/i18n';
import { parseCompanyCsv, toCsv } from '@/lib/suppliers/csv';
import { companiesForExport, importCompanies } from '@/lib/suppliers/import';
import { staffUser } from '../helpers/staff-users';

const t = messages.importer;
const HEADER =
  'external_id;name;kind;street;postal_code;city;latitude;longitude;website;email;phone;wz_codes;capabilities;certifications;employees;description;public_listing';
let adminId: number;

async function importCsv(csv: string, onProgress?: (done: number, total: number) => void) {
  const parsed = parseCompanyCsv(csv);
  if (!parsed.ok) expect.fail(parsed.error);
  return importCompanies(parsed.rows, { actorId: adminId, labels: parsed.labels, onProgress });
}

const companyCount = async () => (await db.select({ n: count() }).from(companies))[0]!.n;
const eventCount = async () => (await db.select({ n: count() }).from(companyEvents))[0]!.n;
const byExternalId = async (externalId: string) => (await db.select().from(companies).where(eq(companies.externalId, externalId)))[0];

beforeAll(async () => {
  adminId = (await staffUser('Ida Import', 'admin')).id;
});

beforeEach(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
});

const GOOD = [
  'A-1;Thüringer Maskenwerk GmbH;company;Am Anger 1;99084;Erfurt;50.98;11.03;https://masken.example;info@masken.example;+49 361 1;32.50;FFP2-Masken|OP-Masken;ISO 13485;120;Masken aus Erfurt;ja',
  'A-2;Optik-Institut Jena;research;;07743;Jena;;;;;;72.19;Optik|Laser;;;;nein',
  'A-3;Cluster Kunststoff;network;;98527;Suhl;;;;;;;Spritzguss;;;;yes',
];

describe('importCompanies', () => {
  it('saves the good rows and reports each bad one with its row number and a German reason', async () => {
    const csv = [
      HEADER.replace('postal_code', 'PLZ').replace('email', 'E-Mail'),
      GOOD[0],
      'B-1;Falsche PLZ GmbH;company;;9908;Erfurt;;;;;;;;;;;ja',
      GOOD[1],
      'B-2;Kaputte Mail GmbH;company;;99084;Erfurt;;;;keine-mail;;;;;;;ja',
      'B-3;Verein e. V.;Verein;;99084;Erfurt;;;;;;;;;;;vielleicht',
      'B-4;Zu kurz;company',
      'B-5;Unbekannte Branche GmbH;company;;99084;Erfurt;;;;;;99.99;;;;;nein',
      'B-6;Außerhalb GmbH;company;;99084;Erfurt;12,5;11.0;;;;;;;-3;;nein',
      GOOD[2],
    ].join('\n');
    const report = await importCsv(csv);
    expect(report).toMatchObject({ total: 9, created: 3, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([
      { row: 3, reason: `PLZ: ${messages.errors.postalCode}` },
      { row: 5, reason: `E-Mail: ${messages.errors.email}` },
      { row: 6, reason: `kind: ${t.invalidKind('Verein')} public_listing: ${t.invalidYesNo('vielleicht')}` },
      { row: 7, reason: t.fieldCount(3, 17) },
      { row: 8, reason: `wz_codes: ${t.unknownSector('99.99')}` },
      { row: 9, reason: `latitude: ${t.atLeast(47)} employees: ${t.atLeast(0)}` },
    ]);
    expect(report.changed.map((c) => [c.row, c.outcome])).toEqual([
      [2, 'created'],
      [4, 'created'],
      [10, 'created'],
    ]);
    expect((await db.select({ id: companies.externalId }).from(companies).orderBy(asc(companies.externalId))).map((r) => r.id)).toEqual([
      'A-1',
      'A-2',
      'A-3',
    ]);
    const events = await db.select().from(companyEvents);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.type === 'imported' && e.actorId === adminId)).toBe(true);
  });

  it('refuses a row with a NUL or another control character as a row error and imports the good rows', async () => {
    const csv = [
      HEADER,
      GOOD[0],
      'N-1;Nullbyte\u0000GmbH;company;;99084;Erfurt;;;;;;;;;;;nein',
      'N-2;Nullbyte Beschreibung GmbH;company;;99084;Erfurt;;;;;;;;;;Text\u0000mit NUL;nein',
      'N-3;Glocke GmbH;company;;99084;Erfurt;;;;;;;Spritz\u0007guss;;;;nein',
      GOOD[1],
    ].join('\n');
    const report = await importCsv(csv);
    expect(report).toMatchObject({ total: 5, created: 2 });
    expect(report.skipped).toEqual([
      { row: 3, reason: `name: ${messages.errors.controlCharacters}` },
      { row: 4, reason: `description: ${messages.errors.controlCharacters}` },
      { row: 5, reason: `capabilities: ${messages.errors.controlCharacters}` },
    ]);
    expect(await companyCount()).toBe(2);
  });

  it('skips the second occurrence of a company within one file', async () => {
    const csv = [
      HEADER,
      GOOD[0],
      'A-1;Anderer Name GmbH;company;;99084;Erfurt;;;;;;;;;;;ja',
      ';Ohne ID GmbH;company;;99084;Erfurt;;;;;;;;;;;ja',
      ';ohne id gmbh;company;;99084;Erfurt;;;;;;;;;;Zweite Schreibweise;ja',
      'C-9;Ohne ID GmbH;company;;99084;Erfurt;;;;;;;;;;;ja',
    ].join('\n');
    const report = await importCsv(csv);
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([
      { row: 3, reason: t.duplicateExternalId(2) },
      { row: 5, reason: t.duplicateNamePostal(4) },
      { row: 6, reason: t.duplicateNamePostal(4) },
    ]);
    expect(await companyCount()).toBe(2);
  });

  it('changes nothing when the same file is imported again, and records what a changed row changed', async () => {
    const csv = [HEADER, ...GOOD].join('\r\n');
    expect(await importCsv(csv)).toMatchObject({ created: 3, updated: 0, unchanged: 0, skipped: [] });
    const eventsAfterFirst = await eventCount();
    const before = await byExternalId('A-2');

    expect(await importCsv(csv)).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: [], changed: [] });
    expect(await eventCount()).toBe(eventsAfterFirst);
    expect(await byExternalId('A-2')).toEqual(before);

    const changed = csv.replace('Optik|Laser', 'Optik|Laser|Mikroskope').replace(';nein', ';ja');
    const report = await importCsv(changed);
    expect(report).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
      changed: [{ row: 3, name: 'Optik-Institut Jena', outcome: 'updated' }],
    });
    const after = await byExternalId('A-2');
    expect(after).toMatchObject({ id: before!.id, version: 2, publicListing: true, capabilities: ['Optik', 'Laser', 'Mikroskope'] });
    const [latest] = await db
      .select()
      .from(companyEvents)
      .where(eq(companyEvents.companyId, before!.id))
      .orderBy(desc(companyEvents.id))
      .limit(1);
    expect(latest).toMatchObject({ type: 'imported', actorId: adminId });
    expect(latest!.data).toEqual({
      changes: {
        capabilities: { from: ['Optik', 'Laser'], to: ['Optik', 'Laser', 'Mikroskope'] },
        publicListing: { from: false, to: true },
      },
    });
  });

  it('matches rows without external id by name and postal code, and keeps a stored external id', async () => {
    const header = 'Name;PLZ;Ort;Beschreibung';
    expect(await importCsv(`${header}\nWerkzeugbau Ilmenau GmbH;98693;Ilmenau;Werkzeuge\n`)).toMatchObject({ created: 1 });
    const [first] = await db.select().from(companies);
    expect(await importCsv(`${header}\nWERKZEUGBAU ILMENAU GMBH;98693;Ilmenau;Werkzeuge und Formen\n`)).toMatchObject({
      created: 0,
      updated: 1,
    });
    const [second] = await db.select().from(companies);
    expect(second).toMatchObject({ id: first!.id, name: 'WERKZEUGBAU ILMENAU GMBH', description: 'Werkzeuge und Formen' });

    // The external id arrives later: the company is found by name and adopts it ...
    expect(await importCsv(`external_id;${header}\nW-1;Werkzeugbau Ilmenau GmbH;98693;Ilmenau;Werkzeuge und Formen\n`)).toMatchObject({
      updated: 1,
    });
    // ... and a file without the column does not take it away again.
    expect(await importCsv(`${header}\nWerkzeugbau Ilmenau GmbH;98693;Ilmenau;Werkzeuge und Formen\n`)).toMatchObject({ unchanged: 1 });
    expect(await byExternalId('W-1')).toMatchObject({ id: first!.id });
    // A different external id under the same name is a different company.
    expect(await importCsv(`external_id;${header}\nW-2;Werkzeugbau Ilmenau GmbH;98693;Ilmenau;Zweigwerk\n`)).toMatchObject({ created: 1 });
    expect(await companyCount()).toBe(2);
  });

  it('geocodes rows without coordinates from the postal code and sets the district', async () => {
    await importCsv([HEADER, ...GOOD].join('\n'));
    const [jena] = await db.select().from(postalPlaces).where(eq(postalPlaces.postalCode, '07743'));
    expect(await byExternalId('A-2')).toMatchObject({
      districtKey: jena!.districtKey,
      latitude: jena!.latitude,
      longitude: jena!.longitude,
    });
    // Given coordinates win; the district still comes from the postal code.
    expect(await byExternalId('A-1')).toMatchObject({ latitude: 50.98, longitude: 11.03, districtKey: '16051' });
  });

  it('leaves no half import behind when the database fails in the middle', async () => {
    await db.execute(
      sql.raw(`
      create or replace function lotse_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.name = 'Sprengsatz GmbH' then raise exception 'refused by test trigger'; end if;
        return new;
      end $$`),
    );
    await db.execute(
      sql.raw('create trigger lotse_test_refuse before insert on companies for each row execute function lotse_test_refuse()'),
    );
    try {
      const csv = [HEADER, GOOD[0], GOOD[1], 'X-1;Sprengsatz GmbH;company;;99084;Erfurt;;;;;;;;;;;ja', GOOD[2]].join('\n');
      await expect(importCsv(csv)).rejects.toThrow();
      expect(await companyCount()).toBe(0);
      expect(await eventCount()).toBe(0);
    } finally {
      await db.execute(sql.raw('drop trigger lotse_test_refuse on companies'));
      await db.execute(sql.raw('drop function lotse_test_refuse()'));
    }
  });
});

describe('npm run import', () => {
  it('imports a file, prints the report in German and exits 0 even with skipped rows; 1 for an unusable file', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'lotse-import-cli-'));
    try {
      // On PGlite the command gets a directory of its own (this process holds the test database).
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
      if (!process.env.DATABASE_URL) env.PGLITE_DIR = path.join(work, 'pglite');
      const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], { env, encoding: 'utf8' });
      const good = path.join(work, 'lieferanten.csv');
      writeFileSync(
        good,
        [
          'Name;PLZ;Ort;Art',
          'CLI Eins GmbH;99084;Erfurt;Unternehmen',
          'CLI Zwei GmbH;990;Erfurt;Netzwerk',
          'CLI Drei;07743;Jena;Cluster',
        ].join('\n'),
      );
      const result = run(good);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(t.cliSummary({ total: 3, created: 2, updated: 0, unchanged: 0, skipped: 1 }));
      expect(result.stdout).toContain(t.cliSkipped(3, `PLZ: ${messages.errors.postalCode}`));
      const again = run(good);
      expect(again.stdout).toContain(t.cliSummary({ total: 3, created: 0, updated: 0, unchanged: 2, skipped: 1 }));

      const broken = path.join(work, 'kaputt.csv');
      writeFileSync(broken, 'Name;Ort\nA GmbH;Erfurt\n');
      const refused = run(broken);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(t.missingColumns(['postal_code']));
      expect(run(path.join(work, 'fehlt.csv')).stderr).toContain(t.cliFileMissing(path.join(work, 'fehlt.csv')));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a large file', () => {
  /** 5,000 companies at real Thuringian postal codes, a third of them without coordinates. */
  function generatedCsv(n: number): string {
    const places = parse(readFileSync(path.join(process.cwd(), 'db', 'reference', 'thueringen_plz_orte_geonames.csv')), {
      columns: true,
    }) as { plz: string; ort: string; lat: string; lon: string }[];
    const sectors = ['32.50', '22.29', '25.62', '20.20', '10.61', '72.19', '28.99'];
    const lines = [HEADER];
    for (let i = 0; i < n; i++) {
      const place = places[(i * 7) % places.length]!;
      const located = i % 3 !== 0;
      lines.push(
        [
          `G-${i}`,
          `Generierte Firma ${i} GmbH`,
          ['company', 'research', 'network'][i % 3],
          `Industriestraße ${i % 200}`,
          place.plz,
          place.ort,
          located ? place.lat.replace('.', ',') : '',
          located ? place.lon : '',
          `https://firma-${i}.example`,
          `info@firma-${i}.example`,
          `+49 361 ${100_000 + i}`,
          `${sectors[i % sectors.length]}|${sectors[(i + 3) % sectors.length]}`,
          `Fertigung ${i % 50}|Montage|Prüfung ${i % 7}`,
          i % 2 ? 'ISO 9001|ISO 14001' : '',
          String((i * 37) % 900),
          `"Beschreibung ${i}; mit Semikolon und ""Zitat"""`,
          i % 2 ? 'ja' : 'nein',
        ].join(';'),
      );
    }
    return lines.join('\r\n');
  }

  it('imports 5,000 rows in seconds with progress, re-imports them unchanged, and its export re-imports unchanged', async () => {
    const csv = generatedCsv(5000);
    const progress: number[] = [];
    let started = performance.now();
    const report = await importCsv(csv, (done) => progress.push(done));
    const firstSeconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ total: 5000, created: 5000, updated: 0, unchanged: 0, skipped: [] });
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.length).toBeLessThan(300);

    started = performance.now();
    expect(await importCsv(csv)).toMatchObject({ created: 0, updated: 0, unchanged: 5000 });
    const againSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const changed = csv.replace(/Beschreibung (\d+);/g, 'Neue Beschreibung $1;');
    expect(await importCsv(changed)).toMatchObject({ created: 0, updated: 5000, unchanged: 0 });
    const changedSeconds = (performance.now() - started) / 1000;

    const exported = toCsv(await companiesForExport());
    started = performance.now();
    expect(await importCsv(exported)).toMatchObject({ total: 5000, created: 0, updated: 0, unchanged: 5000, skipped: [] });
    const exportSeconds = (performance.now() - started) / 1000;
    console.log(
      `[supplier import, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}] 5,000 new rows: ${firstSeconds.toFixed(2)} s; ` +
        `same file again: ${againSeconds.toFixed(2)} s; every row changed: ${changedSeconds.toFixed(2)} s; ` +
        `exported file again: ${exportSeconds.toFixed(2)} s`,
    );
    // A guard against row-by-row work (minutes), not a benchmark: CI machines are shared and a
    // loaded one took 15.8 s for what an idle one does in 3–5 s.
    expect(firstSeconds).toBeLessThan(60);
    expect(changedSeconds).toBeLessThan(60);
    expect(await eventCount()).toBe(10_000);

    // Export of selected ids keeps their order.
    const some = await db.select({ id: companies.id }).from(companies).orderBy(desc(companies.id)).limit(3);
    const selected = await companiesForExport(some.map((r) => r.id));
    expect(selected.map((c) => c.name)).toEqual(['Generierte Firma 4999 GmbH', 'Generierte Firma 4998 GmbH', 'Generierte Firma 4997 GmbH']);
  });
});
