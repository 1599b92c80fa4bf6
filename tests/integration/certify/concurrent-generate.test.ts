import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { RENDER_IN_PROGRESS_MESSAGE } from "@/lib/cases/signing/claim-case-render";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";

// Issue #15 §4 (decision 0030): "20 identical generate requests at once stored 19 PDFs that nothing
// references". The case's render claim refuses the racing copies before the render.

let w: TCertifyWorld;
beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

function storedKeys(): string[] {
  const dir = path.join(w.root, "files");
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes(".tmp"))
    .map((e) => e.name);
}

describe("generating the certification: identical requests at once", () => {
  it("20 concurrent 'Generar certificación' on one case: one wins, the rest hear the usual stale-page message, no PDF is stored for them", async () => {
    const submitted = await w.caseInReview();
    const before = new Set(storedKeys());
    const input = { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => generateCertification(input, w.options)));

    const won = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const e of refused) {
      expect(e.code).toBe("STALE_VERSION");
      // Spanish, for the person: either "being generated now" or the usual stale-page message.
      expect([RENDER_IN_PROGRESS_MESSAGE, "Alguien más modificó esta solicitud mientras usted la veía. Recargue la página y revise su estado actual."]).toContain(e.message);
    }

    const docs = await w.db.documentVersion.findMany({ where: { caseId: submitted.id } });
    expect(docs).toHaveLength(1);
    const added = storedKeys().filter((k) => !before.has(k));
    // Exactly the one referenced PDF: nothing unreferenced was stored by the refused requests.
    expect(added).toEqual([docs[0].storageKey]);
    // The claim is gone once the work ended.
    expect(await w.db.caseRenderClaim.count({ where: { caseId: submitted.id } })).toBe(0);
  });

  it("a claim left by a process that died (its database session is gone) does not block the same action after a restart", async () => {
    const submitted = await w.caseInReview();
    // A claim whose session no longer exists, far from expiring: what a kill -9 mid-render leaves —
    // once with a pid no session has, once with a live session's pid but another start time (a
    // reused pid; the embedded database's session is always pid 42).
    const [{ pid }] = await w.db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    await w.db.caseRenderClaim.create({
      data: { caseId: submitted.id, version: submitted.version, token: "dead", pid: 2_000_000_000, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const other = await w.caseInReview();
    await w.db.caseRenderClaim.create({
      data: { caseId: other.id, version: other.version, token: "reused", pid, sessionStartedAt: new Date("2020-01-01T00:00:00Z"), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const second = await generateCertification({ actor: w.actors.reviewer, caseId: other.id, expectedVersion: other.version, checklist: CHECKLIST }, w.options);
    expect(second.state).toBe("DIDEDUC_SIGNATURE");
    const generated = await generateCertification(
      { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      w.options,
    );
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
  });

  it("a claim held by a live session refuses a second request before rendering anything", async () => {
    const submitted = await w.caseInReview();
    // Some live session of this process (its pid and start time), as another instance's would be.
    const [{ pid, started }] = await w.db.$queryRaw<{ pid: number; started: Date }[]>`
      SELECT pid, (backend_start AT TIME ZONE 'UTC')::timestamp(3) AS started FROM pg_stat_activity WHERE pid = pg_backend_pid()`;
    await w.db.caseRenderClaim.create({
      data: { caseId: submitted.id, version: submitted.version, token: "live", pid, sessionStartedAt: started, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const before = storedKeys().length;
    const refused = await generateCertification(
      { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      w.options,
    ).catch((e) => e);
    expect(refused.code).toBe("STALE_VERSION");
    expect(refused.message).toBe(RENDER_IN_PROGRESS_MESSAGE);
    expect(storedKeys().length).toBe(before);
    const unchanged = await w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(unchanged.version).toBe(submitted.version);
  });
});
