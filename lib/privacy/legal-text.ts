import { readFileSync } from 'node:fs';
import { config } from '../config';
import { messages } from '../i18n';

/**
 * The legal pages' texts. Operators put their own in plain UTF-8 files (IMPRINT_FILE,
 * PRIVACY_POLICY_FILE); they are read on every request, so an edit needs no restart.
 * Format: blocks separated by a blank line; a block starting with "# " is a heading;
 * single line breaks inside a block are kept.
 */
export interface LegalBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

export function parseLegalText(text: string): LegalBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (block.startsWith('# ') ? { kind: 'heading', text: block.slice(2).trim() } : { kind: 'paragraph', text: block }));
}

function readConfigured(file: string | undefined): string | undefined {
  return file ? readFileSync(file, 'utf8') : undefined;
}

/** The operator's privacy policy, or undefined when the built-in text applies. */
export function configuredPrivacyPolicy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return readConfigured(config(env).PRIVACY_POLICY_FILE);
}

export function privacyPolicyText(env: NodeJS.ProcessEnv = process.env): string {
  return configuredPrivacyPolicy(env) ?? messages.privacy.paragraphs.join('\n\n');
}

export function imprintText(env: NodeJS.ProcessEnv = process.env): string {
  return readConfigured(config(env).IMPRINT_FILE) ?? messages.imprint.defaultText;
}
