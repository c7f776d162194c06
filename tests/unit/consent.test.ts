import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, CONSENT_VERSION, CONSENT_VERSIONS, fingerprint } from '@/lib/intake/consent';
import { parseLegalText } from '@/lib/privacy/legal-text';

describe('consent versions', () => {
  it('has a version issued for exactly the current consent text', () => {
    const latest = CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1]!;
    expect(
      fingerprint(CONSENT_TEXT),
      `The consent or privacy text changed. Add a new entry to CONSENT_VERSIONS in lib/intake/consent.ts with sha256 ${fingerprint(CONSENT_TEXT)}.`,
    ).toBe(latest.sha256);
    expect(CONSENT_VERSION).toBe(latest.version);
  });

  it('never reuses a version name or a fingerprint', () => {
    expect(new Set(CONSENT_VERSIONS.map((v) => v.version)).size).toBe(CONSENT_VERSIONS.length);
    expect(new Set(CONSENT_VERSIONS.map((v) => v.sha256)).size).toBe(CONSENT_VERSIONS.length);
  });

  it('changes the fingerprint for any change of the text, even one character', () => {
    expect(fingerprint(`${CONSENT_TEXT} `)).not.toBe(fingerprint(CONSENT_TEXT));
  });
});

describe('legal text format', () => {
  it('reads headings, paragraphs and line breaks from plain text', () => {
    expect(parseLegalText('# Angaben gemäß § 5 DDG\r\n\r\nLEG Thüringen\nErfurt\n\n\n  \nZweiter Absatz  ')).toEqual([
      { kind: 'heading', text: 'Angaben gemäß § 5 DDG' },
      { kind: 'paragraph', text: 'LEG Thüringen\nErfurt' },
      { kind: 'paragraph', text: 'Zweiter Absatz' },
    ]);
  });

  it('keeps markup as text', () => {
    expect(parseLegalText('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script>' }]);
  });
});
