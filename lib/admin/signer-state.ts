// Client-safe helpers for the registry of authorized signers' screens.

export type TSignerState = "VALID" | "EXPIRED" | "REVOKED" | "NOT_YET_VALID";

export const SIGNER_STATE_LABELS: Record<TSignerState, string> = {
  VALID: "Vigente",
  EXPIRED: "Vencido",
  REVOKED: "Revocado",
  NOT_YET_VALID: "Aún no vigente",
};

export const SIGNER_OFFICE_LABELS = { DIDEDUC: "Dirección Departamental (DIDEDUC)", ARCHIVE: "Archivo Documental", CENTRAL: "Planta central (Atención al Ciudadano)" } as const;

export function signerStateOf(entry: { validFrom: Date; validTo: Date; revokedAt: Date | null }, now: Date): TSignerState {
  if (entry.revokedAt && entry.revokedAt.getTime() <= now.getTime()) return "REVOKED";
  if (now.getTime() < entry.validFrom.getTime()) return "NOT_YET_VALID";
  if (now.getTime() > entry.validTo.getTime()) return "EXPIRED";
  return "VALID";
}

// "AB:CD:…" in groups so a person can compare it with the certificate's own viewer.
export function groupFingerprint(hex: string): string {
  return hex.toUpperCase().match(/.{1,2}/g)?.join(":") ?? hex;
}
