import type { Prisma } from "@/lib/generated/prisma/client";
import { isRegistryConfirmed } from "./forms/diploma-from-2005-form";

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// D.2.2's draft save during a correction (procedure-forms `keepOnSave`): what the submission wrote
// from the registry (decision 0027) and a draft can never set (parseDraft drops both) —
// `student.fullName`, the registry's name, and `registryAtSubmission`, the row as it was then.
// Without this every save until the resubmission would blank the graduate's name in the queue row,
// the search words and the case details, and leave the staff's comparison panel saying nothing was
// recorded at submission. Both are kept from what is stored, never from what the client sent, and
// only while the draft is still confirmed for the very number they were read for: "No es mi
// título: buscar de nuevo" (or another number confirmed) drops them until the next submission
// reads the registry again.
export function keepDiplomaRegistryName(draft: Prisma.InputJsonValue, stored: unknown): Prisma.InputJsonValue {
  const before = obj(stored);
  const next = obj(draft);
  if (!isRegistryConfirmed(next) || !isRegistryConfirmed(before) || next.confirmedRegistrationNumber !== before.confirmedRegistrationNumber) return draft;
  const fullName = obj(before.student).fullName;
  const kept: Record<string, unknown> = { ...next };
  if (typeof fullName === "string" && fullName.trim()) kept.student = { ...obj(next.student), fullName };
  if (before.registryAtSubmission !== undefined) kept.registryAtSubmission = before.registryAtSubmission;
  return kept as Prisma.InputJsonValue;
}
