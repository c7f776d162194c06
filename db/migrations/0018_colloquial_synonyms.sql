-- Synonym groups for colloquial names (lib/seed/companies.ts COLLOQUIAL_SYNONYM_GROUPS, kept in
-- step by tests/integration/seed-companies.test.ts). A new installation gets them with the
-- default groups at startup (seeded while synonym_groups is empty); an existing one, whose
-- admins may have edited the groups, gets each group whose first term no group has yet.
INSERT INTO "synonym_groups" ("terms")
SELECT g.terms
FROM (VALUES
  (1, ARRAY['Mundschutz', 'Mund-Nasen-Schutz', 'OP-Maske', 'Mund-Nasen-Bedeckung']),
  (2, ARRAY['Pappkartons', 'Versandkarton', 'Kartonage', 'Faltschachtel', 'Graupappe', 'Wellpappe']),
  (3, ARRAY['Plastikteile', 'Kunststoffteile', 'Spritzgussteile', 'Kunststoffspritzguss']),
  (4, ARRAY['Bierfässer', 'Bierfass', 'Fassbier', 'Bier in Fässern']),
  (5, ARRAY['Drehteile', 'CNC-Drehen', 'Präzisionsdrehteile', 'Drehbearbeitung'])
) AS g(n, terms)
WHERE EXISTS (SELECT 1 FROM "synonym_groups")
  AND NOT EXISTS (SELECT 1 FROM "synonym_groups" s WHERE g.terms[1] = ANY (s.terms))
ORDER BY g.n;
