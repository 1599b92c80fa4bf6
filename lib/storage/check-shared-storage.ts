import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Local-disk storage serves several instances only when they all see ONE folder (one machine, or a
// shared mount): an instance writing to a folder of its own would store files the others cannot
// serve. Detected cheaply, with no configuration (issue #15 §1): every instance records itself in
// the database and leaves a marker file named by its id in the storage folder. A starting instance
// that cannot find, in its own folder, the marker of an instance seen alive lately is not on the
// shared folder, and refuses to start.

// How often a running instance says it is alive, and after how long without that it is ignored.
export const INSTANCE_HEARTBEAT_MS = 30_000;
export const INSTANCE_STALE_MS = 4 * INSTANCE_HEARTBEAT_MS;
// Rows (and their markers) of instances gone this long are removed by the others' heartbeats.
const INSTANCE_FORGET_MS = 24 * 60 * 60 * 1000;

const MARKERS_DIR = ".instances";

export type TPeer = { id: string; host: string };
export type TSharedStorageCheck = { ok: true; instanceId: string; peers: number } | { ok: false; instanceId: string; unseen: TPeer[]; message: string };

type TOptions = { now?: Date; instanceId?: string; host?: string };

function markerPath(root: string, id: string): string {
  return path.join(root, MARKERS_DIR, id);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

// The peers alive lately whose marker this folder does not hold.
async function findUnseenPeers(db: PrismaClient, root: string, selfId: string, now: Date): Promise<TPeer[]> {
  const peers = await db.serverInstance.findMany({
    where: { id: { not: selfId }, lastSeenAt: { gte: new Date(now.getTime() - INSTANCE_STALE_MS) } },
    select: { id: true, host: true },
  });
  const unseen: TPeer[] = [];
  for (const p of peers) if (!(await exists(markerPath(root, p.id)))) unseen.push(p);
  return unseen;
}

function describeUnseen(root: string, unseen: TPeer[]): string {
  const where = unseen.map((p) => `${p.host} (${p.id})`).join(", ");
  return (
    `El almacenamiento en disco local (${root}) no es el mismo que usa(n) la(s) instancia(s) en funcionamiento ${where}: ` +
    "cada instancia guardaría archivos que las demás no ven. Con varias máquinas, use una carpeta compartida por todas " +
    "(el mismo STORAGE_DIR montado en cada una) o UploadThing (UPLOADTHING_TOKEN); ver docs/deployment.md."
  );
}

// At start: registers this instance (marker first, then its row) and checks the live peers.
// Refused: its row and marker are removed again, so it never counts as a peer.
export async function registerStorageInstance(db: PrismaClient, root: string, options: TOptions = {}): Promise<TSharedStorageCheck> {
  const now = options.now ?? new Date();
  const instanceId = options.instanceId ?? randomUUID();
  await fs.mkdir(path.join(root, MARKERS_DIR), { recursive: true });
  await fs.writeFile(markerPath(root, instanceId), `${options.host ?? os.hostname()}\n`);
  await db.serverInstance.create({ data: { id: instanceId, host: options.host ?? os.hostname(), startedAt: now, lastSeenAt: now } });
  const unseen = await findUnseenPeers(db, root, instanceId, now);
  if (unseen.length === 0) {
    const peers = await db.serverInstance.count({ where: { id: { not: instanceId }, lastSeenAt: { gte: new Date(now.getTime() - INSTANCE_STALE_MS) } } });
    return { ok: true, instanceId, peers };
  }
  await unregisterStorageInstance(db, root, instanceId);
  return { ok: false, instanceId, unseen, message: describeUnseen(root, unseen) };
}

// Every INSTANCE_HEARTBEAT_MS while serving: alive again, forget long-gone instances, and check the
// peers once more (two instances started at the same moment cannot see each other at start). A
// running instance is not stopped for it: the problem is logged loudly for the operator.
export async function heartbeatStorageInstance(db: PrismaClient, root: string, instanceId: string, options: { now?: Date } = {}): Promise<TSharedStorageCheck> {
  const now = options.now ?? new Date();
  await db.serverInstance.upsert({
    where: { id: instanceId },
    update: { lastSeenAt: now },
    create: { id: instanceId, host: os.hostname(), startedAt: now, lastSeenAt: now },
  });
  const gone = await db.serverInstance.findMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - INSTANCE_FORGET_MS) } }, select: { id: true } });
  for (const g of gone) await unregisterStorageInstance(db, root, g.id);
  const unseen = await findUnseenPeers(db, root, instanceId, now);
  return unseen.length === 0 ? { ok: true, instanceId, peers: -1 } : { ok: false, instanceId, unseen, message: describeUnseen(root, unseen) };
}

export async function unregisterStorageInstance(db: PrismaClient, root: string, instanceId: string): Promise<void> {
  await db.serverInstance.deleteMany({ where: { id: instanceId } });
  await fs.rm(markerPath(root, instanceId), { force: true });
}
