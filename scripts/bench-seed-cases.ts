// The generated cases both benchmarks time (scripts/bench-queues.mts, scripts/bench-stats.mts):
// 26 DIDEDUCs (Guatemala Norte 12 %), applicants, and `cases` requests of the 6 procedures in the
// states each procedure goes through, submitted over the last 5 years, most of them finished.
// Written straight in SQL (generate_series) into a scratch database whose indexes the caller has
// dropped and re-creates afterwards; ids are 'd1'…, 'u1'…, 'c1'….
import type pg from "pg";

// Most common first: picked with power(random(), 2), so the first few names take most rows, as
// María, José, López and García do in Guatemala.
const FIRST = ["maria", "jose", "juan", "ana", "luis", "carlos", "rosa", "marta", "jorge", "mario", "sandra", "ingrid", "pedro", "elena", "miguel", "carmen", "julio", "silvia", "oscar", "lucia", "edgar", "gloria", "byron", "karla", "erick", "ixchel", "tomas", "brenda", "wilson", "yesenia"];
const SURNAMES = ["lopez", "garcia", "perez", "hernandez", "gonzalez", "rodriguez", "morales", "martinez", "ramirez", "castillo", "mendez", "juarez", "cruz", "reyes", "ortiz", "chavez", "gomez", "tzul", "batz", "xicara", "coc", "aju", "yax", "tum", "sic", "ixcoy", "cabrera", "pineda", "alvarez", "barrios"];
const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;
const pick = (arr: string, n: number) => `(${arr})[1 + floor(power(random(), 2) * ${n})::int]`;
const F = sqlArray(FIRST);
const S = sqlArray(SURNAMES);

export async function seedBenchCases(seed: pg.Client, CASES: number): Promise<void> {
  const APPLICANTS = Math.max(1000, Math.round(CASES / 4));
  await seed.query(`
    INSERT INTO "Dideduc"(id, code, name, type, address, phone, email, "updatedAt")
    SELECT 'd' || g, 'd' || g, CASE WHEN g = 1 THEN 'Guatemala Norte' ELSE 'DIDEDUC ' || g END, 'A', 'Zona 1', '2222-0000', 'd' || g || '@bench.test', now()
    FROM generate_series(1, 26) g`);
  await seed.query(`
    INSERT INTO "User"(id, email, name, cui, "passwordHash", roles, "updatedAt")
    SELECT 'u' || g, 'u' || g || '@bench.test', initcap(f || ' ' || s1 || ' ' || s2), (1000000000000 + g)::text, 'x', '{CITIZEN}', now()
    FROM (SELECT g, ${pick(F, FIRST.length)} f, ${pick(S, SURNAMES.length)} s1, ${pick(S, SURNAMES.length)} s2 FROM generate_series(1, ${APPLICANTS}) g) x`);
  // Procedure by share; state by the path each procedure takes (DIDEDUC ones pass through the
  // DIDEDUC's review and signature; D.4 through the Encargado's review); most cases are finished.
  await seed.query(`
    INSERT INTO "Case"(id, number, procedure, state, "applicantId", "dideducId", "formData", "submittedAt", "createdAt", "updatedAt", "searchTerms")
    SELECT 'c' || g, prefix || '-' || (2021 + g % 6) || '-' || lpad((g / 6)::text, 6, '0'), procedure::"Procedure", state::"CaseState",
      'u' || applicant, CASE WHEN dideduc THEN CASE WHEN rd < 0.12 THEN 'd1' ELSE 'd' || (2 + floor(random() * 25)::int) END END,
      jsonb_build_object('student', jsonb_build_object('firstNames', initcap(f), 'lastNames', initcap(s1 || ' ' || s2))),
      CASE WHEN state <> 'DRAFT' THEN created + interval '10 minutes' END, created, created,
      ARRAY[f, s1, s2] || string_to_array(lower(u.name), ' ')
    FROM (
      SELECT g, p.*, rd, applicant, f, s1, s2, created,
        CASE
          WHEN p.procedure = 'TRANSLATOR_REGISTRATION' THEN
            CASE WHEN rs < 0.05 THEN 'DRAFT' WHEN rs < 0.20 THEN 'MANAGER_REVIEW' WHEN rs < 0.30 THEN 'REJECTED' ELSE 'REGISTERED' END
          WHEN p.dideduc THEN
            CASE WHEN rs < 0.05 THEN 'DRAFT' WHEN rs < 0.15 THEN 'DIDEDUC_REVIEW' WHEN rs < 0.19 THEN 'NEEDS_CORRECTION'
                 WHEN rs < 0.24 THEN 'DIDEDUC_SIGNATURE' WHEN rs < 0.32 THEN 'CENTRAL_REVIEW' WHEN rs < 0.40 THEN 'REJECTED'
                 WHEN rs < 0.98 THEN 'ISSUED' ELSE 'REVOKED' END
          ELSE
            CASE WHEN rs < 0.05 THEN 'DRAFT' WHEN rs < 0.09 THEN 'NEEDS_CORRECTION' WHEN rs < 0.24 THEN 'CENTRAL_REVIEW'
                 WHEN rs < 0.32 THEN 'REJECTED' WHEN rs < 0.98 THEN 'ISSUED' ELSE 'REVOKED' END
        END AS state
      FROM (
        SELECT g, random() rp, random() rs, random() rd, 1 + floor(random() * ${APPLICANTS})::int applicant,
          ${pick(F, FIRST.length)} f, ${pick(S, SURNAMES.length)} s1, ${pick(S, SURNAMES.length)} s2,
          now() - random() * interval '5 years' created
        FROM generate_series(1, ${CASES}) g
      ) r
      CROSS JOIN LATERAL (
        SELECT * FROM (VALUES
          ('EDUCATIONAL_RECORD', 'EE', true, 0.00, 0.45), ('DIPLOMA_BEFORE_2005', 'TA', true, 0.45, 0.65),
          ('GRADUATION_RECORD', 'EG', false, 0.65, 0.77), ('DIPLOMA_FROM_2005', 'TB', false, 0.77, 0.92),
          ('SWORN_TRANSLATION', 'CT', false, 0.92, 0.98), ('TRANSLATOR_REGISTRATION', 'RT', false, 0.98, 1.01)
        ) v(procedure, prefix, dideduc, lo, hi) WHERE r.rp >= v.lo AND r.rp < v.hi
      ) p
    ) x JOIN "User" u ON u.id = 'u' || x.applicant`);
}
