import { asc, eq, lte } from 'drizzle-orm';
import { db } from '../../db/client';
import { sectors } from '../../db/schema';

export interface SectorSection {
  section: string;
  title: string;
  divisions: { code: string; title: string }[];
}

/** WZ 2008 sections with their divisions (two-digit codes), for pickers. */
export async function listSectionsWithDivisions(): Promise<SectorSection[]> {
  const rows = await db
    .select({ code: sectors.code, level: sectors.level, section: sectors.section, title: sectors.title })
    .from(sectors)
    .where(lte(sectors.level, 2))
    .orderBy(asc(sectors.section), asc(sectors.level), asc(sectors.code));
  const sections = new Map<string, SectorSection>();
  for (const row of rows) {
    if (row.level === 1) sections.set(row.section, { section: row.section, title: row.title, divisions: [] });
    else sections.get(row.section)?.divisions.push({ code: row.code, title: row.title });
  }
  return [...sections.values()];
}

export async function sectorTitle(code: string): Promise<string | undefined> {
  const [row] = await db.select({ title: sectors.title }).from(sectors).where(eq(sectors.code, code));
  return row?.title;
}
