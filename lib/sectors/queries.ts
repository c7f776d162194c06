import { and, asc, eq, inArray, lte } from 'drizzle-orm';
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

export interface SectorNode {
  code: string;
  level: number;
  title: string;
  count: number;
  children: SectorNode[];
}

/**
 * The WZ tree (sections → divisions → groups → classes) over the codes that have a count,
 * with titles, in code order. Subclasses are left out: classes are fine enough to filter by.
 */
export async function sectorTree(counts: Record<string, number>, maxLevel = 4): Promise<SectorNode[]> {
  const codes = Object.keys(counts).filter((code) => counts[code]! > 0);
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: sectors.code, level: sectors.level, parentCode: sectors.parentCode, title: sectors.title })
    .from(sectors)
    .where(and(inArray(sectors.code, codes), lte(sectors.level, maxLevel)))
    .orderBy(asc(sectors.level), asc(sectors.code));
  const nodes = new Map<string, SectorNode>();
  const roots: SectorNode[] = [];
  for (const row of rows) {
    const node: SectorNode = { code: row.code, level: row.level, title: row.title, count: counts[row.code]!, children: [] };
    nodes.set(row.code, node);
    const parent = row.parentCode ? nodes.get(row.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else if (row.level === 1) roots.push(node);
  }
  return roots;
}

/** Titles for WZ codes, e.g. to label a company's sectors. */
export async function sectorTitles(codes: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return {};
  const rows = await db.select({ code: sectors.code, title: sectors.title }).from(sectors).where(inArray(sectors.code, unique));
  return Object.fromEntries(rows.map((r) => [r.code, r.title]));
}
