/** Template text on its own (no database), so the admin preview renders in the browser exactly as sending does. */
export const TEMPLATE_VARIABLES = ['referenz', 'organisation', 'ansprechperson', 'bearbeitung', 'bedarf'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/** Names in `{{…}}` that are not template variables, each once. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n)))];
}

/** Fills the known variables; anything else in braces stays as typed. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? values[name as TemplateVariable] : whole,
  );
}

/** The values of a case as templates name them. */
export function templateValues(
  c: { reference: string; organisation: string; contactName: string; description: string },
  writer: { name: string },
): TemplateValues {
  return {
    referenz: c.reference,
    organisation: c.organisation,
    ansprechperson: c.contactName,
    bearbeitung: writer.name,
    bedarf: c.description,
  };
}
