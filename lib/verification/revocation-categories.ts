import type { RevocationCategory } from "@/lib/generated/prisma/enums";
import type { TLocale } from "@/lib/i18n/locale";

// What the staff choose when they revoke (REPLACED is set only by a corrected re-issue's issuance).
export const STAFF_REVOCATION_CATEGORIES = ["DATA_ERROR", "FORGED_SUPPORT", "ISSUED_IN_ERROR", "HOLDER_REQUEST"] as const satisfies readonly RevocationCategory[];

// The public reason of a revocation, in both languages of the verification page and API.
export const REVOCATION_CATEGORY_LABELS: Record<TLocale, Record<RevocationCategory, string>> = {
  es: {
    DATA_ERROR: "Error en los datos",
    FORGED_SUPPORT: "Documento de respaldo falso o alterado",
    ISSUED_IN_ERROR: "Emitida por error",
    HOLDER_REQUEST: "A solicitud del titular",
    REPLACED: "Reemplazada por una certificación corregida",
  },
  en: {
    DATA_ERROR: "Error in the data",
    FORGED_SUPPORT: "Forged or altered supporting document",
    ISSUED_IN_ERROR: "Issued in error",
    HOLDER_REQUEST: "At the holder's request",
    REPLACED: "Replaced by a corrected certification",
  },
};
