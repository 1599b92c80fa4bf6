import "server-only";
import { log } from "@/lib/log";
import { completePdfSignature, type TCompletePdfSignatureInput } from "@/lib/signing/complete-pdf-signature";
import { extendToLongTerm } from "@/lib/signing/extend-to-long-term";
import type { TFetch } from "@/lib/signing/fetch-der";
import { SigningError } from "@/lib/signing/signing-error";
import type { TTsaConfig } from "@/lib/signing/timestamp/tsa-config";

export type TSignCasePdfResult = {
  pdf: Buffer;
  // The signature's timestamp (Signature.timestampedAt / timestampAuthority).
  timestamp: { genTime: Date; tsaName: string };
  // What was built and checked: "B-T" (timestamped signature), "B-LTA" (and DSS + document
  // timestamp after it).
  padesLevel: "B-T" | "B-LTA";
  documentTimestampedAt: Date | null;
};

// The completion of one signature of a case's document, as every signature is made since issue
// #10: the signature value embedded as CMS with a signature timestamp (B-T); when it is the
// procedure's last signature (`longTerm`), the DSS with every signer's and TSA's validation data
// and a document timestamp follow (B-LTA). Any failure (TSA or revocation source down, an answer
// that fails its checks) throws before anything is stored: the caller writes nothing.
export async function completeCasePdf(
  input: Omit<TCompletePdfSignatureInput, "timestamp">,
  options: { tsa: TTsaConfig | null | undefined; trustedRoots: Array<Buffer | string>; now: Date; longTerm: boolean; fetch?: TFetch; caseId: string },
): Promise<TSignCasePdfResult> {
  const { tsa, trustedRoots, now, fetch } = options;
  try {
    const completed = await completePdfSignature({ ...input, timestamp: { tsa, trustedRoots, fetch } });
    const timestamp = completed.timestamp;
    if (!timestamp) throw new Error("completePdfSignature no devolvió el sello de tiempo pedido");
    if (!options.longTerm) return { pdf: completed.pdf, timestamp, padesLevel: "B-T", documentTimestampedAt: null };
    const extended = await extendToLongTerm(completed.pdf, { tsa, trustedRoots, now, fetch });
    return { pdf: extended.pdf, timestamp, padesLevel: "B-LTA", documentTimestampedAt: extended.documentTimestamp.genTime };
  } catch (error) {
    // The person reads a Spanish refusal; operations need to know which service failed and how.
    if (error instanceof SigningError && /^(TSA_|REVOCATION_)/.test(error.code)) {
      const problems = (error as SigningError & { problems?: string[] }).problems;
      log.warn("Firma rechazada por el servicio de sellado o de revocación", { caseId: options.caseId, code: error.code, problems, error });
    }
    throw error;
  }
}
