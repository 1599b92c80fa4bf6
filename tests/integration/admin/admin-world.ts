import { createSeededWorld } from "@/tests/helpers/seeded-world";

// The seed's world (26 DIDEDUCs, demo accounts, demo PKI with .cert.pem next to each .p12) on a fresh PostgreSQL database.
export async function createAdminWorld() {
  const world = await createSeededWorld({ name: "admin", copyOfSharedDemoPki: true });
  const { db, user } = world;
  const dideduc = (name: string) => db.dideduc.findUniqueOrThrow({ where: { name } });
  return {
    db,
    pkiDir: world.pkiDir,
    pkiServices: world.pkiServices,
    tsa: world.tsa,
    trustedRoots: world.trustedRoots,
    admin: await user("admin"),
    user,
    dideduc,
    options: { db, ip: "10.1.2.3" },
    cleanup: world.cleanup,
  };
}

export type TAdminWorld = Awaited<ReturnType<typeof createAdminWorld>>;
