import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices } from "@/tests/helpers/world-pki-services";

// The seed's world (26 DIDEDUCs, demo accounts, demo PKI with the archive officer's certificate,
// the registered translator, the demo titles) on a fresh PostgreSQL database, with storage.

async function createTestDatabaseWhenTemplateIsFree(): Promise<TTestDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createTestDatabase();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function createRegistryWorld() {
  const tdb = await createTestDatabaseWhenTemplateIsFree();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-registry-"));
  const pkiDir = path.join(root, "pki");
  const storage = new LocalDiskStorage(path.join(root, "files"));
  const pkiServices = await startWorldPkiServices(pkiDir, { copyOfSharedDemoPki: true });
  const seeded = await seedDatabase(tdb.prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl });
  const trustedRoots = [Buffer.from(seeded.pki.rootPem)];
  const db = tdb.prisma;
  const user = async (local: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email: `${local}@demo.certifica.gt` } });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
  };
  const admin = await db.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
  return {
    db,
    storage,
    pkiDir,
    root,
    pki: seeded.pki,
    admin: { id: admin.id, roles: admin.roles, dideducId: admin.dideducId, name: admin.name, email: admin.email },
    user,
    pkiServices: pkiServices.services,
    tsa: pkiServices.tsa,
    trustedRoots,
    options: { db, storage, trustedRoots, tsa: pkiServices.tsa },
    cleanup: async () => {
      await pkiServices.close();
      await tdb.drop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type TRegistryWorld = Awaited<ReturnType<typeof createRegistryWorld>>;

// Bytes in chunks of `size`, as a slow upload delivers them (splits UTF-8 characters and CRLFs).
export async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}
