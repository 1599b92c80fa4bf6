import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import type { DocumentSigner } from "@/lib/signing/signer";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { DEMO_CERTIFICATES, demoPkcs12Path } from "@/prisma/seed/demo-accounts";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices } from "@/tests/helpers/world-pki-services";

// The set-up every integration "world" shares: a fresh database, a temporary root with the demo
// PKI (pki/) and storage (files/), the PKI services started before the seed so its certificates
// name their port, and the seed. The worlds add their own actors and steps on top.

// The global setup's migration pool stays connected to the template for pg's 10 s idle timeout,
// and PostgreSQL refuses to clone a template in use (55006): wait it out rather than fail.
export async function createTestDatabaseWhenTemplateIsFree(): Promise<TTestDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createTestDatabase();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export type TSeededWorldOptions = {
  // The temporary root's name starts with it (certifica-<name>-…).
  name: string;
  // A copy of the demo PKI made once per test process (tests/helpers/world-pki-services.ts), unless
  // the file tests the seed making it.
  copyOfSharedDemoPki: boolean;
  // Also walk the seed's demo cases, their files in this world's storage.
  demoCases?: { log: (message: string) => void };
};

export async function createSeededWorld(options: TSeededWorldOptions) {
  const tdb = await createTestDatabaseWhenTemplateIsFree();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `certifica-${options.name}-`));
  const pkiDir = path.join(root, "pki");
  const storage = new LocalDiskStorage(path.join(root, "files"));
  let pkiServices: Awaited<ReturnType<typeof startWorldPkiServices>> | undefined;
  const cleanup = async () => {
    await pkiServices?.close();
    await tdb.drop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    pkiServices = await startWorldPkiServices(pkiDir, { copyOfSharedDemoPki: options.copyOfSharedDemoPki });
    const demoCases = options.demoCases ? { demoCases: true, storage, log: options.demoCases.log } : {};
    const seeded = await seedDatabase(tdb.prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl, ...demoCases });
    const db = tdb.prisma;
    // A demo account by the local part of its e-mail, as the operations take their actor.
    const user = async (local: string) => {
      const u = await db.user.findUniqueOrThrow({ where: { email: `${local}@demo.certifica.gt` } });
      return { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
    };
    // A demo certificate's PKCS#12 and passphrase, as its holder picks them in the signing form.
    const p12 = (key: string): { pkcs12: Buffer; passphrase: string } => {
      const def = DEMO_CERTIFICATES.find((c) => c.key === key)!;
      return { pkcs12: fs.readFileSync(demoPkcs12Path(key, pkiDir)), passphrase: def.passphrase };
    };
    // The demo certificate's key held in this process, playing the browser's part (signCaseWithSigner).
    const signer = (key: string): DocumentSigner => {
      const { pkcs12, passphrase } = p12(key);
      return openPkcs12Signer(pkcs12, passphrase);
    };
    return {
      db,
      url: tdb.url,
      root,
      pkiDir,
      storage,
      seeded,
      user,
      p12,
      signer,
      pkiServices: pkiServices.services,
      tsa: pkiServices.tsa,
      trustedRoots: [Buffer.from(seeded.pki.rootPem)],
      cleanup,
    };
  } catch (error) {
    // A failed set-up leaves no database, PKI services or directory behind.
    await cleanup();
    throw error;
  }
}

export type TSeededWorld = Awaited<ReturnType<typeof createSeededWorld>>;
