import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName } from '@/lib/attachments/file-name';
import { checkAttachments } from '@/lib/attachments/validate';
import { sampleCompoundFile, sampleDocx, sampleExe, sampleHtml, sampleJpeg, samplePdf, samplePng } from '../helpers/sample-files';

const limits = { maxBytes: 10 * 1024 * 1024, maxFiles: 5 };

describe('checkAttachments', () => {
  it('accepts PDF, PNG, JPEG, docx and legacy Office files with the type their content shows', async () => {
    const result = await checkAttachments(
      [
        { name: 'Datenblatt.pdf', bytes: samplePdf() },
        { name: 'foto.PNG', bytes: samplePng() },
        { name: 'bild.jpeg', bytes: sampleJpeg() },
        { name: 'Angebot.docx', bytes: sampleDocx() },
        { name: 'alt.xls', bytes: sampleCompoundFile() },
      ],
      limits,
    );
    expect(result).toMatchObject({
      ok: true,
      files: [
        { fileName: 'Datenblatt.pdf', mediaType: 'application/pdf' },
        { fileName: 'foto.PNG', mediaType: 'image/png' },
        { fileName: 'bild.jpeg', mediaType: 'image/jpeg' },
        { fileName: 'Angebot.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        { fileName: 'alt.xls', mediaType: 'application/vnd.ms-excel' },
      ],
    });
  });

  it('refuses a .pdf that is really a program, naming the file in German', async () => {
    const result = await checkAttachments(
      [
        { name: 'ok.pdf', bytes: samplePdf() },
        { name: 'Rechnung.pdf', bytes: sampleExe() },
      ],
      limits,
    );
    expect(result).toEqual({ ok: false, error: expect.stringContaining('„Rechnung.pdf“ hat kein erlaubtes Format') });
  });

  it('refuses HTML named .pdf and a program named .doc', async () => {
    expect(await checkAttachments([{ name: 'spec.pdf', bytes: sampleHtml() }], limits)).toMatchObject({
      ok: false,
      error: expect.stringContaining('„spec.pdf“'),
    });
    expect(await checkAttachments([{ name: 'tool.exe', bytes: sampleExe() }], limits)).toMatchObject({ ok: false });
  });

  it('refuses an allowed type under another extension', async () => {
    const result = await checkAttachments([{ name: 'foto.pdf', bytes: samplePng() }], limits);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('passt nicht zu ihrer Endung') });
    expect(await checkAttachments([{ name: 'setup.msi', bytes: sampleCompoundFile() }], limits)).toMatchObject({ ok: false });
  });

  it('refuses too many, too large and empty files', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, bytes: samplePdf() }));
    expect(await checkAttachments(six, limits)).toEqual({ ok: false, error: 'Bitte hängen Sie höchstens 5 Dateien an.' });
    const big = Buffer.concat([samplePdf(), Buffer.alloc(1024 * 1024)]);
    expect(await checkAttachments([{ name: 'gross.pdf', bytes: big }], { maxBytes: 1024 * 1024, maxFiles: 5 })).toEqual({
      ok: false,
      error: 'Die Datei „gross.pdf“ ist zu groß: erlaubt sind höchstens 1 MB je Datei.',
    });
    expect(await checkAttachments([{ name: 'leer.pdf', bytes: Buffer.alloc(0) }], limits)).toMatchObject({
      ok: false,
      error: expect.stringContaining('leer'),
    });
  });
});

describe('sanitiseFileName', () => {
  it('drops folders, invisible and reserved characters', () => {
    expect(sanitiseFileName('C:\\Users\\x\\..\\Angebot.pdf')).toBe('Angebot.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
    expect(sanitiseFileName('a\u0000b\nc?.pdf')).toBe('abc_.pdf');
    expect(sanitiseFileName('...')).toBe('datei');
    expect(sanitiseFileName('.hidden.pdf')).toBe('hidden.pdf');
  });

  it('caps long names and keeps the extension', () => {
    const name = sanitiseFileName(`${'ä'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('ä.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Maße (neu).pdf')).toBe(`attachment; filename="Mae (neu).pdf"; filename*=UTF-8''Ma%C3%9Fe%20%28neu%29.pdf`);
    expect(contentDisposition('a"b.pdf')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
  });
});
