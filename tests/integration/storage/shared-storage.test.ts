import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeatStorageInstance, INSTANCE_STALE_MS, registerStorageInstance } from "@/lib/storage/check-shared-storage";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";

// Issue #15 §1: "with several machines, storage must be shared … refuse to start with more than one
// instance on local disk if you can detect it cheaply". Instances here are calls on one PostgreSQL,
// each with the folder its machine would have.

let tdb: TTestDatabase;
let tmp: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-shared-storage-"));
});
afterAll(async () => {
  await tdb?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("local-disk storage with several instances", () => {
  it("a second instance on the same folder starts; one on a folder of its own machine is refused and leaves no trace", async () => {
    const shared = path.join(tmp, "compartida");
    const own = path.join(tmp, "propia");
    const now = new Date();
    const a = await registerStorageInstance(tdb.prisma, shared, { host: "maquina-a", now });
    expect(a).toMatchObject({ ok: true, peers: 0 });
    const b = await registerStorageInstance(tdb.prisma, shared, { host: "maquina-b", now });
    expect(b).toMatchObject({ ok: true, peers: 1 });

    const c = await registerStorageInstance(tdb.prisma, own, { host: "maquina-c", now });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.unseen.map((p) => p.host).sort()).toEqual(["maquina-a", "maquina-b"]);
    expect(c.message).toContain(own);
    expect(c.message).toContain("carpeta compartida");
    // Refused: not a peer for anyone, no marker left.
    expect(await tdb.prisma.serverInstance.count({ where: { id: c.instanceId } })).toBe(0);
    expect(fs.readdirSync(path.join(own, ".instances"))).toEqual([]);
  });

  it("an instance gone quiet no longer counts, and a running instance's heartbeat notices a peer it cannot see", async () => {
    const later = new Date(Date.now() + INSTANCE_STALE_MS + 60_000);
    const other = path.join(tmp, "otra");
    // Every earlier instance is stale by then: a lone instance on any folder starts.
    const d = await registerStorageInstance(tdb.prisma, other, { host: "maquina-d", now: later });
    expect(d).toMatchObject({ ok: true, peers: 0 });
    // Two that started at the same moment on different folders cannot see each other at start; the
    // heartbeat after it does.
    const shared = path.join(tmp, "compartida");
    const e = await registerStorageInstance(tdb.prisma, shared, { host: "maquina-e", now: later });
    expect(e.ok).toBe(false);
    await tdb.prisma.serverInstance.create({ data: { id: "inicio-simultaneo", host: "maquina-f", startedAt: later, lastSeenAt: later } });
    const beat = await heartbeatStorageInstance(tdb.prisma, other, d.instanceId, { now: later });
    expect(beat).toMatchObject({ ok: false, unseen: [{ id: "inicio-simultaneo", host: "maquina-f" }] });
  });
});
