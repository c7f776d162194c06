-- The rate-limit counters (lib/rate-limit.ts) are written on every public submission, each in a
-- transaction of its own. On a logged table that commit waits for a WAL flush (fsync): on the
-- shared 2-core bench machine (loadavg 8–12) the upsert alone managed ≈ 865 per second at 8
-- clients (9 ms each), on an unlogged table ≈ 4,100–5,100 (1.6–1.9 ms), and every intake took two flushes instead of one
-- (docs/benchmarks.md, intake throughput). The counters only live for their window (minutes):
-- after a crash of PostgreSQL the table comes back empty and counting starts again, and a
-- standby holds no copy. Instances still share them as before.
ALTER TABLE "rate_limits" SET UNLOGGED;
