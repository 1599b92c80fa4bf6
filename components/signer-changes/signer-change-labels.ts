import type { SignerChangeKind, SignerChangeStatus } from "@/lib/generated/prisma/enums";

export const SIGNER_CHANGE_STATUS_LABELS: Record<SignerChangeStatus, string> = {
  PENDING: "Pendiente de revisión",
  ACCEPTED: "Aceptada",
  REJECTED: "Rechazada",
};

// How a notice is named wherever it is listed: the Director's sent notices, the central office's review.
export const SIGNER_CHANGE_KIND_LABELS: Record<SignerChangeKind, string> = {
  ADD: "Nuevo firmante",
  END: "Fin de firmante",
};
