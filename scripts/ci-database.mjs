// Creates or drops a database on the CI PostgreSQL server: node scripts/ci-database.mjs create|drop NAME
import postgres from 'postgres';

const [action, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? '') || !['create', 'drop'].includes(action)) {
  console.error('usage: ci-database.mjs create|drop NAME');
  process.exit(2);
}
const sql = postgres(process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
await sql.unsafe(action === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`);
await sql.end();
