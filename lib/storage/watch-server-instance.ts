import { createPrisma } from "@/lib/db/create-prisma";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { heartbeatStorageInstance, INSTANCE_HEARTBEAT_MS, registerStorageInstance, unregisterStorageInstance } from "./check-shared-storage";
import { resolveStorageTarget } from "./storage-target";

export type TServerInstanceWatch = { ok: true; stop: () => Promise<void> } | { ok: false; message: string };

// Called by scripts/serve.mts after Next.js is prepared and BEFORE it listens: an instance on
// local-disk storage the running instances do not share refuses to start, having served nothing
// (lib/storage/check-shared-storage.ts). Only local disk on PostgreSQL needs it: UploadThing is one
// service for every instance, and the embedded database admits one server process. While serving,
// a heartbeat keeps this instance alive in the list and checks its peers again; stop() (at
// shutdown) takes it off the list. Its own small database client: the server script runs outside
// the app's bundle, whose client it must not open before the app does.
export async function watchServerInstance(env: NodeJS.ProcessEnv = process.env): Promise<TServerInstanceWatch> {
  const storage = resolveStorageTarget(env);
  const database = resolveDatabaseTarget(env.DATABASE_URL);
  if (storage.kind !== "local-disk" || database.kind !== "postgres") return { ok: true, stop: async () => {} };
  const { prisma, close } = createPrisma(database.url);
  const root = storage.root;
  const check = await registerStorageInstance(prisma, root);
  if (!check.ok) {
    log.error("storage not shared with the running instances", { storageRoot: root, instanceId: check.instanceId, unseen: check.unseen });
    await close();
    return { ok: false, message: check.message };
  }
  const timer = setInterval(() => {
    heartbeatStorageInstance(prisma, root, check.instanceId)
      .then((r) => {
        if (!r.ok) log.error("storage not shared with the running instances", { storageRoot: root, instanceId: r.instanceId, unseen: r.unseen, detail: r.message });
      })
      .catch((e: unknown) => log.error("instance heartbeat failed", { error: e }));
  }, INSTANCE_HEARTBEAT_MS);
  timer.unref();
  return {
    ok: true,
    stop: async () => {
      clearInterval(timer);
      await unregisterStorageInstance(prisma, root, check.instanceId).catch((e: unknown) => log.warn("instance not unregistered", { error: e }));
      await close();
    },
  };
}
