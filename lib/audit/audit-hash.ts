import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

// The prevHash of the first event of an installation's chain.
export const GENESIS_HASH = "0".repeat(64);

// The columns an event's hash covers: all of them but the hash itself. A change to the covered
// columns adds a form, never reinterprets old events: each event stores its form (hashForm), which
// its hash covers too (as "v"), so changing it breaks the hash.
// - Form 1: the first columns, up to createdAt.
// - Form 2 (docs/decisions/0024): adds a state change's context, stageEnteredAt, procedure and
//   dideducId. Every event written since has form 2.
export const CURRENT_HASH_FORM = 2;

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
  hashForm: number;
  stageEnteredAt: Date | null;
  procedure: string | null;
  dideducId: string | null;
};

export function auditCanonicalForm(e: TAuditHashInput): string {
  const form1 = {
    v: e.hashForm,
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
  };
  if (e.hashForm === 1) return canonicalJson(form1);
  return canonicalJson({ ...form1, stageEnteredAt: e.stageEnteredAt, procedure: e.procedure, dideducId: e.dideducId });
}

// SHA-256, hex, of the canonical form.
export function computeAuditHash(e: TAuditHashInput): string {
  return createHash("sha256").update(auditCanonicalForm(e), "utf8").digest("hex");
}
