import { asc } from 'drizzle-orm';
import { db } from '../../db/client';
import { districts } from '../../db/schema';

export function listDistricts() {
  return db.select({ key: districts.key, name: districts.name }).from(districts).orderBy(asc(districts.name));
}
