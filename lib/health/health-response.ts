import "server-only";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import { checkReadiness } from "./check-readiness";

// The answers of /api/salud (liveness) and /api/salud/lista (readiness). Never cached by anyone in
// between: a cached "ok" would hide an instance that stopped answering.
const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

// The process runs and answers HTTP; it reads nothing, so a database outage does not make the load
// balancer restart every instance (that is what readiness is for).
export function livenessResponse(): Response {
  return new Response(JSON.stringify({ status: "ok" }), { status: 200, headers: HEADERS });
}

export async function readinessResponse(): Promise<Response> {
  const readiness = await checkReadiness({ db, storage: getStorage() });
  return new Response(JSON.stringify({ status: readiness.ready ? "ok" : "no-disponible", checks: readiness.checks }), {
    status: readiness.ready ? 200 : 503,
    headers: HEADERS,
  });
}
