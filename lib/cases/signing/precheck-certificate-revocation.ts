import "server-only";
import type { TFetch } from "@/lib/signing/fetch-der";
import { fetchRevocationData } from "@/lib/signing/revocation/fetch-revocation-data";
import type { TSignerCertificates } from "@/lib/signing/signer";
import { SigningError } from "@/lib/signing/signing-error";
import { SigningRefusal } from "./signing-refusal";

// Before anything is rendered or signed: the signer's certificate as its CA sees it now (OCSP,
// else CRL). Revoked → SigningRefusal CERTIFICATE_REVOKED, shown next to the certificate field
// (the person can sign with a current certificate); no answer → SigningError
// REVOCATION_UNAVAILABLE, shown as the form's error. Either way nothing has been written.
export async function precheckCertificateRevocation(
  { certificate, chain }: TSignerCertificates,
  options: { trustedRoots: Array<Buffer | string>; now: Date; fetch?: TFetch },
): Promise<void> {
  try {
    await fetchRevocationData([certificate, ...chain], options);
  } catch (error) {
    if (error instanceof SigningError && error.code === "CERTIFICATE_REVOKED") throw new SigningRefusal("CERTIFICATE_REVOKED", error.message);
    throw error;
  }
}
