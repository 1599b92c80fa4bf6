import "server-only";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { heartbeatStorageInstance, INSTANCE_HEARTBEAT_MS, registerStorageInstance } from "./check-shared-storage";
import { getStorage } from "./get-storage";
import { LocalDiskStorage } from "./local-disk-storage";

const globalForInstance = globalThis as unknown as { certificaInstanceHeartbeat?: NodeJS.Timeout };

// Called once per server process from instrumentation.ts. Only local-disk storage on PostgreSQL
// needs it: UploadThing is one service for every instance, and the embedded database admits one
// server process. An instance on a folder the running ones do not share exits here, before it
// serves anything (lib/storage/check-shared-storage.ts).
export async function scheduleStorageInstance(): Promise<void> {
  if (globalForInstance.certificaInstanceHeartbeat) return;
  const storage = getStorage();
  if (!(storage instanceof LocalDiskStorage) || resolveDatabaseTarget().kind !== "postgres") return;
  const { db } = await import("@/lib/db");
  const check = await registerStorageInstance(db, storage.root);
  if (!check.ok) {
    log.error("storage not shared with the running instances", { storageRoot: storage.root, instanceId: check.instanceId, unseen: check.unseen });
    console.error(check.message);
    process.exit(1);
  }
  globalForInstance.certificaInstanceHeartbeat = setInterval(() => {
    heartbeatStorageInstance(db, storage.root, check.instanceId)
      .then((r) => {
        if (!r.ok) log.error("storage not shared with the running instances", { storageRoot: storage.root, instanceId: r.instanceId, unseen: r.unseen, detail: r.message });
      })
      .catch((e: unknown) => log.error("instance heartbeat failed", { error: e }));
  }, INSTANCE_HEARTBEAT_MS).unref();
}
