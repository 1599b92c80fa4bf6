import type { Prisma } from "@/lib/generated/prisma/client";
import { isRegistryConfirmed } from "./forms/diploma-from-2005-form";

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// D.2.2's draft save during a correction (procedure-forms `keepOnSave`): `student.fullName` is the
// registry's name that the submission wrote (decision 0027), and a draft can never set it
// (parseDraft drops it), so without this every save until the resubmission would blank the
// graduate's name in the queue row, the search words and the case details. It is kept from what
// is stored, never from what the client sent, and only while the draft is still confirmed for the
// very number the name was read for: "No es mi título: buscar de nuevo" (or another number
// confirmed) drops it until the next submission reads the registry again.
export function keepDiplomaRegistryName(draft: Prisma.InputJsonValue, stored: unknown): Prisma.InputJsonValue {
  const before = obj(stored);
  const fullName = obj(before.student).fullName;
  if (typeof fullName !== "string" || !fullName.trim()) return draft;
  const next = obj(draft);
  if (!isRegistryConfirmed(next) || !isRegistryConfirmed(before) || next.confirmedRegistrationNumber !== before.confirmedRegistrationNumber) return draft;
  return { ...next, student: { ...obj(next.student), fullName } } as Prisma.InputJsonValue;
}
