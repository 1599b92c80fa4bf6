import type { SignerChangeStatus } from "@/lib/generated/prisma/enums";

export const SIGNER_CHANGE_STATUS_LABELS: Record<SignerChangeStatus, string> = {
  PENDING: "Pendiente de revisión",
  ACCEPTED: "Aceptada",
  REJECTED: "Rechazada",
};
