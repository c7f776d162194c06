import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The ID under which the built app serves a server action, from its server reference manifest. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`${exportedName} is not in the server reference manifest`);
  return entry[0];
}
