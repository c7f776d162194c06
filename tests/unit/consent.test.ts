import { describe, expect, it } from 'vitest';
import {
  CONSENT_FORMS,
  CONSENT_VERSION,
  type ConsentForm,
  currentConsentVersion,
  fingerprint,
  latestConsentVersion,
} from '@/lib/intake/consent';
import { parseLegalText } from '@/lib/privacy/legal-text';

describe.each(Object.keys(CONSENT_FORMS) as ConsentForm[])('consent versions of the %s form', (form) => {
  const { text, versions } = CONSENT_FORMS[form];

  it('has a version issued for exactly the current consent text', () => {
    expect(
      fingerprint(text),
      `The ${form} form's consent or privacy text changed. Add a new entry to CONSENT_FORMS.${form}.versions in lib/intake/consent.ts with sha256 ${fingerprint(text)}.`,
    ).toBe(versions[versions.length - 1]!.sha256);
    expect(latestConsentVersion(form)).toBe(versions[versions.length - 1]!.version);
  });

  it('never reuses a version name or a fingerprint, not even across forms', () => {
    const all = Object.values(CONSENT_FORMS).flatMap((f) => f.versions);
    expect(new Set(all.map((v) => v.version)).size).toBe(all.length);
    expect(new Set(all.map((v) => v.sha256)).size).toBe(all.length);
  });

  it('changes the fingerprint for any change of the text, even one character', () => {
    expect(fingerprint(`${text} `)).not.toBe(fingerprint(text));
  });
});

it('stores each form under its own version, an operator policy adding its fingerprint', () => {
  expect(currentConsentVersion('request')).toBe(CONSENT_VERSION);
  expect(currentConsentVersion('offer')).toBe(latestConsentVersion('offer'));
  expect(latestConsentVersion('offer')).not.toBe(CONSENT_VERSION);
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
