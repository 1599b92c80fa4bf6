import "server-only";
import { SigningError } from "@/lib/signing/signing-error";
import type { TTsaConfig } from "@/lib/signing/timestamp/tsa-config";

// Without a TSA the signature could not reach B-T, and the issued file would stop being
// verifiable when the signer's certificate expires: refused before any certificate is opened.
export function requireTsa(tsa: TTsaConfig | null | undefined): asserts tsa is TTsaConfig {
  if (!tsa?.url) {
    throw new SigningError(
      "TSA_NOT_CONFIGURED",
      "No se firmó: el servicio de sellado de tiempo (TSA) no está configurado, y sin él la firma no sería verificable a largo plazo. Avise a la administración del sistema.",
    );
  }
}
