import "server-only";
import type { TVerification } from "@/lib/cases/find-verification";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";

export type TCompareOutcome = { matches: boolean; message: { es: string; en: string }; kind: "matchIssued" | "matchRevoked" | "mismatch" | "notIssued" };

// Whether a file's SHA-256 is the issued file's. A revoked certification's file still matches (it
// is the file that was issued), and the answer says it is no longer valid; a code with nothing
// issued (in process, cancelled) matches no file.
export function compareWithIssuedFile(v: Pick<TVerification, "status" | "sha256">, sha256: string): TCompareOutcome {
  const issued = (v.status === "ISSUED" || v.status === "REVOKED") && v.sha256 ? v.sha256.toLowerCase() : null;
  const kind: TCompareOutcome["kind"] = !issued ? "notIssued" : issued !== sha256.toLowerCase() ? "mismatch" : v.status === "REVOKED" ? "matchRevoked" : "matchIssued";
  return {
    kind,
    matches: kind === "matchIssued" || kind === "matchRevoked",
    message: { es: VERIFICATION_TEXTS.es.compareResult[kind], en: VERIFICATION_TEXTS.en.compareResult[kind] },
  };
}
