// `npm run bench:batch`: the server's time for batch signing (issue #13). On a scratch PostgreSQL
// database with the demo world (seed, demo PKI) and the test PKI services (OCSP, CRL, TSA, in a
// child process as the integration tests start them), it brings 50 D.1.1 cases to the DIDEDUC's
// signature, then prepares 50 DIDEDUC signatures and completes them, then prepares and completes
// the 50 central countersigns of the same cases. The key is held in this process (the browser's
// part, not timed); what is timed is what the server does: prepareCaseSigning and
// completeCaseSigning. It also measures what the completion's second revocation check costs (the
// same check, on the same certificates and services, alone), so the completion's time with and
// without it can be read. Not a test: it prints figures, it asserts nothing.
// Runs with NODE_ENV=production (package.json), as the server does.
// TEST_DATABASE_URL: an admin URL of a PostgreSQL server (a scratch database is created on it and
// dropped at the end); without it one is started in a temporary directory (scripts/start-postgres.sh).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { allowServerOnlyModules } from "../prisma/seed/demo-walk";

const N = Number(process.env.BENCH_BATCH ?? 50);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-bench-batch-"));

// PostgreSQL: the given server, or one of our own for this run.
let adminUrl = process.env.TEST_DATABASE_URL;
let ownPostgres: string | null = null;
if (!adminUrl) {
  // Not under `root`: the server runs as the postgres user, who cannot enter this process's temp dir.
  ownPostgres = path.join(os.tmpdir(), `certifica-bench-pg-${randomBytes(4).toString("hex")}`);
  const port = String(55600 + Math.floor(Math.random() * 300));
  adminUrl = execFileSync("scripts/start-postgres.sh", [ownPostgres, port], { encoding: "utf8" }).trim();
}
const dbName = `certifica_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;

allowServerOnlyModules();
const [
  { createAdapterFactory },
  { applyMigrations },
  { createPrisma },
  { seedDatabase },
  { startWorldPkiServices },
  { LocalDiskStorage },
  { createDraftCase },
  { transition },
  { generateCertification, D11_REVIEW_CHECKLIST_KEYS },
  { prepareCaseSigning },
  { completeCaseSigning },
  { precheckCertificateRevocation },
  { openPkcs12Signer },
  { DEMO_CERTIFICATES },
  { makeScanPdf },
] = await Promise.all([
  import("../lib/db/create-adapter-factory"),
  import("../lib/db/apply-migrations"),
  import("../lib/db/create-prisma"),
  import("../prisma/seed/seed-database"),
  import("../tests/helpers/world-pki-services"),
  import("../lib/storage/local-disk-storage"),
  import("../lib/cases/create-draft-case"),
  import("../lib/workflow/transition"),
  import("../lib/cases/generate-certification"),
  import("../lib/cases/signing/prepare-case-signing"),
  import("../lib/cases/signing/complete-case-signing"),
  import("../lib/cases/signing/precheck-certificate-revocation"),
  import("../lib/signing/pkcs12-signer"),
  import("../prisma/seed/demo-accounts"),
  import("../tests/unit/signing/fixtures"),
]);

const migrate = createAdapterFactory(dbUrl.toString());
await applyMigrations(migrate.factory);
await migrate.close();
const { prisma: db, close } = createPrisma(dbUrl.toString());
const pkiDir = path.join(root, "pki");
const services = await startWorldPkiServices(pkiDir);

try {
  const seeded = await seedDatabase(db, { pkiDir, servicesBaseUrl: services.services.baseUrl });
  const storage = new LocalDiskStorage(path.join(root, "files"));
  const options = { db, storage, trustedRoots: [Buffer.from(seeded.pki.rootPem)], tsa: services.tsa };
  const actor = async (local: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email: `${local}@demo.certifica.gt` } });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId };
  };
  const [citizen, reviewer, dideducSigner, assistant] = await Promise.all(
    ["ciudadana", "revisora.guatemala-norte", "firmante.guatemala-norte", "asistente.central"].map(actor),
  );
  const signerOf = (key: string) => {
    const cert = seeded.pki.certificates.find((c) => c.key === key)!;
    return openPkcs12Signer(fs.readFileSync(cert.path), DEMO_CERTIFICATES.find((c) => c.key === key)!.passphrase);
  };
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const checklist = Object.fromEntries(D11_REVIEW_CHECKLIST_KEYS.map((k) => [k, true]));

  // N D.1.1 cases awaiting the DIDEDUC's signature, as the reviewer leaves them (not timed).
  process.stdout.write(`Preparando ${N} solicitudes D.1.1…`);
  const cases: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < N; i++) {
    const draft = await createDraftCase(
      citizen,
      {
        procedure: "EDUCATIONAL_RECORD",
        dideducId: gn.id,
        formData: {
          modality: "ESCOLAR",
          documentKinds: ["CERTIFICADOS_ESTUDIO"],
          student: { firstNames: "María José", lastNames: `Ixcot Chávez ${i}`, cui: "5260181510901", birthDate: "2001-04-17" },
          studies: [{ level: "Sexto primaria", year: 2013, institution: "Escuela Oficial Rural Mixta No. 12, Mixco" }],
          contactPhone: "5512-3478",
          signedBy: "DIDEDUC",
        },
      },
      { db },
    );
    const stored = await storage.put(await makeScanPdf(2, 300_000));
    await db.uploadedFile.create({
      data: { caseId: draft.id, uploaderId: citizen.id, kind: "SCAN", originalName: "certificados.pdf", sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
    });
    const submitted = await transition(draft.id, "submit", citizen, {}, draft.version, { db });
    const generated = await generateCertification({ actor: reviewer, caseId: draft.id, expectedVersion: submitted.version, checklist: checklist as never }, options);
    cases.push({ id: draft.id, version: generated.version });
  }
  process.stdout.write(" listo.\n\n");

  const ms = (t0: number) => performance.now() - t0;
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
  const fmt = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  const line = (label: string, xs: number[]) =>
    console.log(`  ${label.padEnd(40)} total ${fmt(xs.reduce((a, b) => a + b, 0))}   p50 ${fmt(pct(xs, 50))}   p95 ${fmt(pct(xs, 95))}`);

  async function batch(label: string, action: "sign" | "sign_and_issue", who: typeof citizen, signer: ReturnType<typeof signerOf>) {
    const { certificate, chain } = await signer.certificates();
    const certificates = [certificate, ...chain];
    const prepareTimes: number[] = [];
    const prepared: Array<{ id: string; signedAttributes: string }> = [];
    for (const c of cases) {
      const t0 = performance.now();
      const p = await prepareCaseSigning({ actor: who, caseId: c.id, expectedVersion: c.version, action, certificates }, options);
      prepareTimes.push(ms(t0));
      prepared.push({ id: p.preparedSigningId, signedAttributes: p.signedAttributes });
    }
    // The browser's part, not the server's time.
    const values = await Promise.all(prepared.map((p) => signer.sign(Buffer.from(p.signedAttributes, "base64"))));
    const completeTimes: number[] = [];
    for (const [i, c] of cases.entries()) {
      const t0 = performance.now();
      const done = await completeCaseSigning({ actor: who, preparedSigningId: prepared[i].id, signatureValue: values[i] }, options);
      completeTimes.push(ms(t0));
      c.version = done.version;
    }
    // The completion's second revocation check, alone: same certificates, same OCSP responder.
    const recheckTimes: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await precheckCertificateRevocation({ certificate, chain }, { trustedRoots: options.trustedRoots, now: new Date() });
      recheckTimes.push(ms(t0));
    }
    const without = completeTimes.map((t, i) => t - recheckTimes[i]);
    console.log(`${label} (${N}):`);
    line(`preparar ${N}`, prepareTimes);
    line(`completar ${N}`, completeTimes);
    line("  de ello, 2.ª comprobación revocación", recheckTimes);
    line("  completar sin ella (diferencia)", without);
    console.log("");
  }

  await batch("Firma de la Dirección Departamental, D.1.1", "sign", dideducSigner, signerOf("signer-guatemala-norte"));
  await batch("Refrendo y emisión centrales, D.1.1", "sign_and_issue", assistant, signerOf("central-assistant"));
  const issued = await db.case.count({ where: { state: "ISSUED" } });
  console.log(`Emitidas: ${issued} de ${N}. Tiempos del servidor, secuenciales (una firma tras otra), NODE_ENV=${process.env.NODE_ENV ?? "(sin definir)"}.`);
} finally {
  await services.close();
  await close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  if (ownPostgres) {
    const pid = Number(fs.readFileSync(path.join(ownPostgres, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid);
    // Its data directory goes once the server has stopped (`rm` waits for nothing else).
    setTimeout(() => fs.rmSync(ownPostgres!, { recursive: true, force: true }), 2000).unref();
  }
  fs.rmSync(root, { recursive: true, force: true });
}
