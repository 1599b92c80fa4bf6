import { createSeededWorld } from "@/tests/helpers/seeded-world";

// The seed's world (26 DIDEDUCs, demo accounts, demo PKI with the archive officer's certificate,
// the registered translator, the demo titles) on a fresh PostgreSQL database, with storage.

export async function createRegistryWorld() {
  const world = await createSeededWorld({ name: "registry", copyOfSharedDemoPki: true });
  const { db, storage, trustedRoots, tsa } = world;
  const admin = await db.user.findFirstOrThrow({ where: { roles: { has: "ADMIN" } } });
  return {
    db,
    storage,
    pkiDir: world.pkiDir,
    root: world.root,
    pki: world.seeded.pki,
    admin: { id: admin.id, roles: admin.roles, dideducId: admin.dideducId, name: admin.name, email: admin.email },
    user: world.user,
    pkiServices: world.pkiServices,
    tsa,
    trustedRoots,
    options: { db, storage, trustedRoots, tsa },
    cleanup: world.cleanup,
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
