import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices } from "@/tests/helpers/world-pki-services";

// The seed's world (26 DIDEDUCs, demo accounts, demo PKI with .cert.pem next to each .p12) on a fresh PostgreSQL database.
async function createDatabaseWhenTemplateIsFree(): Promise<TTestDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createTestDatabase();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function createAdminWorld() {
  const tdb = await createDatabaseWhenTemplateIsFree();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-admin-"));
  const pkiDir = path.join(root, "pki");
  const pkiServices = await startWorldPkiServices(pkiDir, { copyOfSharedDemoPki: true });
  const seeded = await seedDatabase(tdb.prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl });
  const db = tdb.prisma;
  const user = async (local: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email: `${local}@demo.certifica.gt` } });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
  };
  const dideduc = (name: string) => db.dideduc.findUniqueOrThrow({ where: { name } });
  return {
    db,
    pkiDir,
    pkiServices: pkiServices.services,
    tsa: pkiServices.tsa,
    trustedRoots: [Buffer.from(seeded.pki.rootPem)],
    admin: await user("admin"),
    user,
    dideduc,
    options: { db, ip: "10.1.2.3" },
    cleanup: async () => {
      await pkiServices.close();
      await tdb.drop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type TAdminWorld = Awaited<ReturnType<typeof createAdminWorld>>;
