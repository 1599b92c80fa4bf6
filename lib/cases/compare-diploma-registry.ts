import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { DIPLOMA_SIGNATORY_LABELS } from "@/lib/registry/diploma-signatory";
import { readDiplomaRecord } from "@/lib/registry/find-diploma-by-number";
import { foldText } from "@/lib/registry/fold-text";
import type { TDiplomaRegistrySnapshot } from "./check-diploma-from-2005-submission";
import type { TDiplomaRegistryView } from "./forms/diploma-from-2005-form";
import { toDiplomaRegistryView } from "./to-diploma-registry-view";

export type TDiplomaRegistryComparison = {
  // As the applicant typed it, and its canonical form (null when it cannot be a number).
  typedNumber: string;
  number: string | null;
  // The registry row today, and as it was when the request was (last) submitted.
  current: (TDiplomaRegistryView & { signedBy: DiplomaSignatory; otherProcedureMessage: string | null }) | null;
  atSubmission: TDiplomaRegistrySnapshot | null;
  // MATCHES: unchanged since submission; CHANGED: see `changes`; MISSING: the number is not in the
  // registry (any more); OTHER_PROCEDURE: signed by a regional director or a minister;
  // NOT_SUBMITTED: nothing recorded at submission to compare with (a draft).
  status: "MATCHES" | "CHANGED" | "MISSING" | "OTHER_PROCEDURE" | "NOT_SUBMITTED";
  changes: { label: string; atSubmission: string; now: string }[];
  // Whether the graduate's name the request carries (typed in a draft, the registry's at
  // submission) is the registry's today (accents, case, spacing ignored); null when there is
  // nothing to compare.
  nameMatches: boolean | null;
};

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

function snapshotOf(formData: unknown): TDiplomaRegistrySnapshot | null {
  const s = obj(obj(formData).registryAtSubmission);
  if (typeof s.registrationNumber !== "string" || typeof s.holderName !== "string") return null;
  return {
    registrationNumber: s.registrationNumber,
    holderName: s.holderName,
    degree: str(s.degree),
    school: str(s.school),
    year: typeof s.year === "number" ? s.year : Number(s.year) || 0,
    dideducName: typeof s.dideducName === "string" ? s.dideducName : null,
    signedBy: str(s.signedBy) || "DIDEDUC",
    checkedAt: str(s.checkedAt),
  };
}

const signer = (v: string) => DIPLOMA_SIGNATORY_LABELS[v as DiplomaSignatory] ?? v;

// What the central review shows beside the D.2.2 scan: the registry row for the number the
// applicant typed, read now, against the row recorded when the request was submitted, so the
// assistant sees whether the registry changed or lost it since.
export async function compareDiplomaRegistry(formData: unknown, options: { db?: PrismaClient | Prisma.TransactionClient } = {}): Promise<TDiplomaRegistryComparison> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const data = obj(formData);
  const typedNumber = str(data.registrationNumber);
  const number = normalizeDiplomaNumber(typedNumber);
  const record = number ? await readDiplomaRecord(db, number) : null;
  const current = record ? { ...toDiplomaRegistryView(record), signedBy: record.signedBy, otherProcedureMessage: record.otherProcedure?.message ?? null } : null;
  const atSubmission = snapshotOf(formData);

  const changes: TDiplomaRegistryComparison["changes"] = [];
  if (current && atSubmission) {
    const pairs: Array<[string, string, string]> = [
      ["Nombre", atSubmission.holderName, current.holderName],
      ["Título", atSubmission.degree, current.degree],
      ["Establecimiento", atSubmission.school, current.school],
      ["Año", String(atSubmission.year), String(current.year)],
      ["Dirección Departamental", atSubmission.dideducName ?? "", current.dideducName ?? ""],
      ["Firmado por", signer(atSubmission.signedBy), signer(current.signedBy)],
    ];
    for (const [label, before, now] of pairs) if (before !== now) changes.push({ label, atSubmission: before, now });
  }
  const status: TDiplomaRegistryComparison["status"] = !current
    ? "MISSING"
    : current.otherProcedureMessage
      ? "OTHER_PROCEDURE"
      : !atSubmission
        ? "NOT_SUBMITTED"
        : changes.length > 0
          ? "CHANGED"
          : "MATCHES";

  // A submitted request carries the registry's name (`fullName`, decision 0027); a draft, the typed one.
  const student = obj(data.student);
  const typedName = foldText(str(student.fullName) || `${str(student.firstNames)} ${str(student.lastNames)}`);
  const holder = current?.holderName ?? atSubmission?.holderName ?? null;
  const nameMatches = typedName && holder ? typedName === foldText(holder) : null;

  return { typedNumber, number, current, atSubmission, status, changes, nameMatches };
}
