import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Decision 0014: the migration that made the DIDEDUC signer's post data maps the existing free-text
// posts best effort. Its data statements are run again here on entries as they were before it
// (signerPost and gender empty).

// Found by its content, so the test survives migrations being folded together.
const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");
function migrationSql(): string {
  const found = fs
    .readdirSync(MIGRATIONS)
    .map((d) => path.join(MIGRATIONS, d, "migration.sql"))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .find((sql) => sql.includes(`SET "signerPost" = 'SUBDIRECTOR'`));
  if (!found) throw new Error("no migration maps the free-text posts");
  return found;
}

let tdb: TTestDatabase;
let dideducId: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dideducId = (await tdb.prisma.dideduc.create({ data: { code: "x", name: "X", type: "C", address: "-", phone: "-", email: "x@example.test" } })).id;
});
afterAll(async () => {
  await tdb?.drop();
});

describe("the signer-post migration's mapping of free-text posts", () => {
  it("Director, Subdirectora, Jefa and Jefe map to the post and its form; anything else stays unmapped (and cannot sign until corrected)", async () => {
    const posts = [
      "Director Departamental",
      "Directora Departamental de Educación",
      "Subdirectora Departamental",
      "Subdirector Departamental de Educación",
      "Jefa del Departamento Técnico Pedagógico",
      "Jefe del Depto. Técnico Pedagógico",
      "Encargado de firmas",
    ];
    for (const [i, post] of posts.entries()) {
      await tdb.prisma.authorizedSigner.create({
        data: { id: `legacy-${i}`, name: `Firmante ${i}`, office: "DIDEDUC", dideducId, post, certFingerprint: String(i).padStart(64, "0"), certSubject: `CN=${i}`, validFrom: new Date("2026-01-01"), validTo: new Date("2027-01-01") },
      });
    }
    await tdb.prisma.authorizedSigner.create({
      data: { id: "legacy-central", name: "Central", office: "CENTRAL", post: "Directora de DISERSA", certFingerprint: "f".repeat(64), certSubject: "CN=c", validFrom: new Date("2026-01-01"), validTo: new Date("2027-01-01") },
    });
    const sql = migrationSql();
    const updates = sql.slice(sql.indexOf("\nUPDATE \"AuthorizedSigner\"")).split(";").map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean);
    expect(updates.length).toBeGreaterThan(0);
    for (const statement of updates) await tdb.prisma.$executeRawUnsafe(statement);

    const rows = await tdb.prisma.authorizedSigner.findMany({ orderBy: { id: "asc" }, select: { id: true, signerPost: true, gender: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.signerPost, r.gender]]))).toEqual({
      "legacy-0": ["DIRECTOR", "MASCULINE"],
      "legacy-1": ["DIRECTOR", "FEMININE"],
      "legacy-2": ["SUBDIRECTOR", "FEMININE"],
      "legacy-3": ["SUBDIRECTOR", "MASCULINE"],
      "legacy-4": ["JEFE_TECNICO_PEDAGOGICO", "FEMININE"],
      "legacy-5": ["JEFE_TECNICO_PEDAGOGICO", "MASCULINE"],
      "legacy-6": [null, null],
      "legacy-central": [null, null],
    });
  });
});
