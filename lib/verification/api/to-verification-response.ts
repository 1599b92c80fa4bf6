import "server-only";
import type { TVerification, TVerificationStatus } from "@/lib/cases/find-verification";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";
import { verificationUrl } from "@/lib/verification/verification-url";
import { getDefinition } from "@/lib/workflow/definitions";
import type { TVerificationApiStatus, TVerificationResponse } from "./verification-api-schemas";

export const API_STATUS: Record<TVerificationStatus, TVerificationApiStatus> = {
  ISSUED: "issued",
  IN_PROCESS: "in_process",
  REVOKED: "revoked",
  CANCELLED: "cancelled",
};

// The API's view of a verification: what the public page shows, no more (no case number, no case
// id, no internal revocation note), with the holder's name masked as on the page.
export function toVerificationResponse(v: TVerification, baseUrl?: string): TVerificationResponse {
  const issuedFile = v.sha256 && v.size !== null && (v.status === "ISSUED" || v.status === "REVOKED") ? { sha256: v.sha256, size: v.size } : null;
  return {
    code: v.code,
    status: API_STATUS[v.status],
    documentType: v.documentType,
    procedure: {
      code: getDefinition(v.procedure).code,
      name: { es: VERIFICATION_TEXTS.es.procedureNames[v.procedure], en: VERIFICATION_TEXTS.en.procedureNames[v.procedure] },
    },
    holder: { maskedName: v.holderName },
    issuingOffices: v.issuingOffices,
    signers: v.signers.map((s) => ({
      name: s.name,
      post: s.post,
      office: s.office,
      signedAt: s.signedAt.toISOString(),
      timestampedAt: s.timestampedAt?.toISOString() ?? null,
      timestampAuthority: s.timestampAuthority,
    })),
    issuedAt: v.issuedAt?.toISOString() ?? null,
    revokedAt: v.status === "REVOKED" ? (v.revokedAt?.toISOString() ?? null) : null,
    revocation:
      v.status === "REVOKED" && v.revocationCategory
        ? { category: v.revocationCategory, label: { es: REVOCATION_CATEGORY_LABELS.es[v.revocationCategory], en: REVOCATION_CATEGORY_LABELS.en[v.revocationCategory] } }
        : null,
    replacedBy: v.replacedByCode,
    replaces: v.replacesCode,
    file: issuedFile,
    verificationUrl: verificationUrl(v.code, baseUrl),
  };
}
