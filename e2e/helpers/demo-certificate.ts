import path from "node:path";
import { DEMO_CERTIFICATES } from "../../prisma/seed/demo-accounts";
import { E2E_PKI_DIR } from "./e2e-env";

export type TDemoCertificateFile = { file: string; passphrase: string };

// A demo PKCS#12 file of this e2e server's PKI, and its passphrase, as a person would pick them.
export function demoCertificate(key: string): TDemoCertificateFile {
  const cert = DEMO_CERTIFICATES.find((c) => c.key === key);
  if (!cert) throw new Error(`certificado de demostración desconocido: ${key}`);
  return { file: path.join(E2E_PKI_DIR, cert.file), passphrase: cert.passphrase };
}
