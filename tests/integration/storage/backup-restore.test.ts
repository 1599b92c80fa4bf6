import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { TBackupManifest } from "@/lib/backup/backup-manifest";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { findVerification } from "@/lib/cases/find-verification";
import { generateCertification } from "@/lib/cases/generate-certification";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { createPrisma } from "@/lib/db/create-prisma";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "../certify/certify-world";

// Issue #15 §5 "Backups that restore": "A test backs up a database with issued certifications,
// restores into a fresh PostgreSQL and storage, and proves the issued PDFs are byte-identical, their
// verification pages work, and `audit:verify` (if present by then) passes."

const REPO = path.resolve(__dirname, "../../..");
let w: TCertifyWorld;
const created: string[] = [];

function npm(args: string[], env: Record<string, string>) {
  return spawnSync("npm", ["run", "--silent", ...args], {
    cwd: REPO,
    env: { ...process.env, UPLOADTHING_TOKEN: "", ...env },
    encoding: "utf8",
  });
}

// An empty database on the test server, as `createdb` makes it.
async function emptyDatabase(): Promise<string> {
  const name = `certifica_restore_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("backup and restore (PostgreSQL)", () => {
  it("an issued D.1.1 certification survives `npm run backup` and `npm run restore` into a fresh database and storage: same PDF bytes, its verification data, an intact audit chain", async () => {
    const { actors, options } = w;
    const submitted = await w.caseInReview();
    const generated = await generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
    const signed = await signCertification({ actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, options);
    await signAndIssue({ actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, options);
    // pdfsig and our validator on the issued file (tests/helpers).
    const issued = await w.expectIssuedPdfValid(submitted.id);

    const backupDir = path.join(w.root, "backup");
    const backup = npm(["backup", "--", backupDir], { DATABASE_URL: w.url, STORAGE_DIR: w.storage.root });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/pg_dump \(formato custom, una instantánea\)/);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8")) as TBackupManifest;
    expect(manifest.database.kind).toBe("postgres");
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.storage.missingReferenced).toEqual([]);
    const issuedRow = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: submitted.id, stage: "ISSUED" } });
    expect(manifest.storage.files.map((f) => f.key)).toContain(issuedRow.storageKey);

    const restoredUrl = await emptyDatabase();
    const restoredFiles = path.join(w.root, "restored-files");
    const restore = npm(["restore", "--", backupDir], { DATABASE_URL: restoredUrl, STORAGE_DIR: restoredFiles });
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/cada SHA-256 coincidió con el manifiesto/);

    const restored = createPrisma(restoredUrl);
    try {
      const storage = new LocalDiskStorage(restoredFiles);
      const row = await restored.prisma.documentVersion.findFirstOrThrow({ where: { caseId: submitted.id, stage: "ISSUED" } });
      expect((await storage.get(row.storageKey)).equals(issued)).toBe(true);
      // What /verificar/<code> shows, read from the restored database.
      const verification = await findVerification(generated.verificationCode, { db: restored.prisma, storage });
      expect(verification?.status).toBe("ISSUED");
      expect(verification?.sha256).toBe(issuedRow.sha256);
      expect(verification?.signers).toHaveLength(2);
      // audit:verify's function: the restored trail's hash chain is whole.
      const chain = await verifyAuditChain(restored.prisma);
      expect(chain.firstBreak).toBeNull();
      expect(chain.checked).toBe(await w.db.auditEvent.count());

      // Refused into a database that is not empty: nothing is merged.
      const again = await restoreBackup({ dir: backupDir, target: { kind: "postgres", url: restoredUrl }, storage: new LocalDiskStorage(path.join(w.root, "other-files")) }).catch((e) => e);
      expect(again.message).toMatch(/La base de datos de destino no está vacía/);
    } finally {
      await restored.close();
    }
  });

  it("a damaged backup restores nothing: every SHA-256 is checked before anything is written", async () => {
    const backupDir = path.join(w.root, "backup");
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8")) as TBackupManifest;
    const victim = path.join(backupDir, manifest.storage.files[0].path);
    fs.chmodSync(victim, 0o600);
    const bytes = fs.readFileSync(victim);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(victim, bytes);

    const url = await emptyDatabase();
    const files = path.join(w.root, "damaged-restore");
    const refused = await restoreBackup({ dir: backupDir, target: { kind: "postgres", url }, storage: new LocalDiskStorage(files) }).catch((e) => e);
    expect(refused.name).toBe("BackupError");
    expect(refused.message).toMatch(/está dañado/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    await client.end();
    expect(rows[0].n).toBe(0);
    expect(fs.existsSync(files)).toBe(false);
  });
});
