import { z } from "zod";

// Relative paths inside the PKI directory, in characters OpenSSL's config syntax takes literally
// (no `$`, `#`, quotes or spaces), so the config written from them needs no escaping.
const ZPkiPath = z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/);

// What the services need from a PKI directory, written there by whoever builds the PKI (the demo
// seed, the test fixtures) and read again on every request, so the server can start before the
// certificates exist and follows them when they are re-issued. Paths are relative to the PKI
// directory. Passphrases are those of demo/test keys only (a production install points TSA_URL at
// an accredited TSA and runs none of this).
export const ZPkiServicesManifest = z.object({
  version: z.literal(1),
  // The issuing CA: signs the CRL. The key may be a PKCS#12 or a (possibly encrypted) PEM.
  ca: z.object({ certificate: ZPkiPath, key: ZPkiPath, passphrase: z.string().optional() }),
  // OpenSSL's CA database listing every certificate the CA issued (`V`/`R` lines).
  index: ZPkiPath,
  tsa: z.object({
    certificate: ZPkiPath,
    // `openssl ts -reply` loads PEM keys only: an encrypted PKCS#8 PEM.
    key: ZPkiPath,
    passphrase: z.string().optional(),
    // The certificates put in each token beside the TSA's own (its issuers up to the root).
    chain: ZPkiPath,
    // The TSA policy OID every token carries.
    policy: z.string().regex(/^\d+(\.\d+)+$/),
  }),
  ocsp: z.object({ certificate: ZPkiPath, key: ZPkiPath, passphrase: z.string().optional() }),
});
export type TPkiServicesManifest = z.infer<typeof ZPkiServicesManifest>;

export const PKI_SERVICES_MANIFEST_FILE = "pki-services.json";
// Where the services keep their own state (openssl config, TSA serial, CRL number, the last CRL).
export const PKI_SERVICES_STATE_DIR = "services";

export type TPkiServices = {
  baseUrl: string;
  tsaUrl: string;
  ocspUrl: string;
  crlUrl: string;
  close(): Promise<void>;
};

// The addresses a certificate carries for a services base URL (no trailing slash).
export function pkiServiceUrls(baseUrl: string): { tsaUrl: string; ocspUrl: string; crlUrl: string } {
  const base = baseUrl.replace(/\/+$/, "");
  return { tsaUrl: `${base}/tsa`, ocspUrl: `${base}/ocsp`, crlUrl: `${base}/crl/root.crl` };
}

// Thrown for a request the services cannot answer (the HTTP status says why); anything else is a 500.
export class PkiServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
