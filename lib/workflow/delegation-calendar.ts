import type { Role } from "@/lib/generated/prisma/enums";

// Pure and client-safe: the Director's delegation form and list read the same rules as the server.

// What a DIDEDUC's Director may delegate from /direccion (docs/decisions/0015): the technical
// review only. "El Director podrá delegar a quien considere oportuno" speaks of the activity of the
// Departamento Técnico Pedagógico; the signature is the personal advanced electronic signature of a
// signer registered with DISERSA (Nota 3), so a new signer goes through the signer registry, not a
// delegation.
export const DELEGABLE_ROLES = ["DIDEDUC_REVIEWER"] as const satisfies readonly Role[];
export type TDelegableRole = (typeof DELEGABLE_ROLES)[number];

export const DELEGATED_ROLE_LABELS: Record<TDelegableRole, string> = {
  DIDEDUC_REVIEWER: "Revisión técnica (Departamento Técnico Pedagógico)",
};

// Guatemala keeps UTC−6 all year (no daylight saving time): a calendar day there is a fixed
// UTC−6 day, so "del 1 al 15" runs from the 1st at 00:00 to the 15th at 23:59:59.999 there.
const GUATEMALA_OFFSET = "-06:00";
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// "2026-03-10": the calendar day in Guatemala at `at`.
export function guatemalaCalendarDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guatemala", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addCalendarDays(isoDate: string, days: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

// A real YYYY-MM-DD day (not 2026-02-30), as an <input type="date"> sends it.
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// Both ends included, as lib/workflow/README.md "Delegations" says: from the first day's first
// instant to the last day's last one, in Guatemala.
export function delegationRangeFromCalendarDates(from: string, to: string): { validFrom: Date; validTo: Date } {
  return {
    validFrom: new Date(`${from}T00:00:00.000${GUATEMALA_OFFSET}`),
    validTo: new Date(`${to}T23:59:59.999${GUATEMALA_OFFSET}`),
  };
}

export type TDelegationStatus = "CURRENT" | "UPCOMING" | "ENDED" | "REVOKED";

export const DELEGATION_STATUS_LABELS: Record<TDelegationStatus, string> = {
  CURRENT: "Vigente",
  UPCOMING: "Próxima",
  ENDED: "Terminada",
  REVOKED: "Revocada",
};

// A revocation wins over the dates: a delegation revoked before it started never was current.
export function delegationStatus(d: { validFrom: Date; validTo: Date; revokedAt: Date | null }, now: Date): TDelegationStatus {
  if (d.revokedAt) return "REVOKED";
  if (d.validTo.getTime() < now.getTime()) return "ENDED";
  if (d.validFrom.getTime() > now.getTime()) return "UPCOMING";
  return "CURRENT";
}
