import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { TransitionError } from "@/lib/workflow/transition-error";

// Longer than any render + store + transition (seconds); short enough that a request whose
// process died mid-render blocks the next attempt only briefly.
export const CASE_RENDER_CLAIM_TTL_SECONDS = 120;

export const RENDER_IN_PROGRESS_MESSAGE =
  "Otra persona está generando el documento de esta solicitud en este momento. Espere unos segundos, recargue la página y revise su estado actual.";

// Runs `work` (render, store, transition) holding the claim on (case, expectedVersion), decision 0030.
// Identical requests racing on one case all pass precheckTransition (the version they read is still
// current), so without this each would render and store a PDF and all but one would then be refused
// by transition(), leaving files nothing references. The claim is one INSERT … ON CONFLICT in
// PostgreSQL (shared by every instance; no connection is held during the render, which matters on
// the embedded single-connection database): it is taken when there is none, when the one there has
// lapsed, or when it was for an older version (that request's transition already moved the case
// on), or when the database session that took it is gone — no session with its pid and start time
// (its process died: a restarted server retries at once; the start time tells a reused pid, and
// the embedded database's one session, always pid 42, apart). Otherwise the request is refused at once, as a stale page, before rendering.
// (A claimer's pooled connection closed while it renders also frees the claim: at worst one more
// render, whose file the sweep removes.)
// The claim is deleted when `work` ends, however it ends; transition() still checks the version
// under the row lock, so the claim only saves work and never decides alone.
export async function withCaseRenderClaim<T>(db: PrismaClient, args: { caseId: string; expectedVersion: number }, work: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  // Taken only while the case is still at the expected version: a request that read the case before
  // the winner's transition, and arrives after the winner let its claim go (it releases only after
  // its transition commits), would otherwise render for a version already gone (seen in CI).
  // The database's clock, not this process's: instances on several machines compare the same time.
  const rows = await db.$queryRaw<{ token: string }[]>`
    INSERT INTO "CaseRenderClaim" ("caseId", "version", "token", "pid", "sessionStartedAt", "expiresAt")
    SELECT c."id", ${args.expectedVersion}, ${token}, pg_backend_pid(),
           (SELECT (backend_start AT TIME ZONE 'UTC')::timestamp(3) FROM pg_stat_activity WHERE pid = pg_backend_pid()),
           (now() AT TIME ZONE 'UTC') + ${CASE_RENDER_CLAIM_TTL_SECONDS}::int * interval '1 second'
      FROM "Case" c WHERE c."id" = ${args.caseId} AND c."version" = ${args.expectedVersion}
    ON CONFLICT ("caseId") DO UPDATE
      SET "version" = EXCLUDED."version", "token" = EXCLUDED."token", "pid" = EXCLUDED."pid",
          "sessionStartedAt" = EXCLUDED."sessionStartedAt", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "CaseRenderClaim"."expiresAt" < (now() AT TIME ZONE 'UTC')
         OR "CaseRenderClaim"."version" < EXCLUDED."version"
         OR NOT EXISTS (
              SELECT 1 FROM pg_stat_activity a
               WHERE a.pid = "CaseRenderClaim"."pid"
                 AND (a.backend_start AT TIME ZONE 'UTC')::timestamp(3) = "CaseRenderClaim"."sessionStartedAt")
    RETURNING "token"`;
  if (rows.length === 0 || rows[0].token !== token) {
    // Refused: say which (the refusal path only). The version moved on: the usual stale page.
    const current = await db.case.findUnique({ where: { id: args.caseId }, select: { version: true } });
    if (!current || current.version !== args.expectedVersion) throw new TransitionError("STALE_VERSION");
    throw new TransitionError("STALE_VERSION", RENDER_IN_PROGRESS_MESSAGE);
  }
  try {
    return await work();
  } finally {
    await db.caseRenderClaim.deleteMany({ where: { caseId: args.caseId, token } }).catch((e) => {
      // Not fatal: the claim lapses by itself, or the next version's request takes it over.
      log.error("render claim not released", { caseId: args.caseId, error: e });
    });
  }
}
