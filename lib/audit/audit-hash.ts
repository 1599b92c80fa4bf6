import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

// The prevHash of the first event of an installation's chain.
export const GENESIS_HASH = "0".repeat(64);

// The columns an event's hash covers: all of them but the hash itself. Version 1 of the form; a
// later change to the covered fields would add a version, never reinterpret old events.
export type TAuditHashInput = {
  id: bigint;
  prevHash: string;
  caseId: string | null;
  actorId: string | null;
  role: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: unknown;
  ip: string | null;
  delegationId: string | null;
  createdAt: Date;
};

export function auditCanonicalForm(e: TAuditHashInput): string {
  return canonicalJson({
    v: 1,
    id: e.id,
    prevHash: e.prevHash,
    caseId: e.caseId,
    actorId: e.actorId,
    role: e.role,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    data: e.data ?? null,
    ip: e.ip,
    delegationId: e.delegationId,
    createdAt: e.createdAt,
  });
}

// SHA-256, hex, of the canonical form.
export function computeAuditHash(e: TAuditHashInput): string {
  return createHash("sha256").update(auditCanonicalForm(e), "utf8").digest("hex");
}
