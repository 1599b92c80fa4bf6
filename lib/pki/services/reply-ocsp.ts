import fs from "node:fs";
import path from "node:path";
import * as pkijs from "pkijs";
import { prepareServicesState } from "./prepare-services-state";
import { readPkiServicesManifest } from "./read-pki-services-manifest";
import type { TOpensslRunner } from "./run-openssl";
import { PkiServiceError } from "./types";
import { withTempFiles } from "./with-temp-files";

// Hours an answer stays fresh (its nextUpdate).
const OCSP_VALIDITY_DAYS = 1;

// RFC 6960: one `openssl ocsp` responder run per request, against the CA's index as it is on disk
// now. A long-lived `openssl ocsp -port` child would need its own port behind a proxy, could
// not start before the certificates exist, and would be one more process to supervise; a run
// per request costs a process start (milliseconds) and always sees the current index.
export async function replyOcsp(pkiDir: string, request: Buffer, openssl: TOpensslRunner): Promise<Buffer> {
  try {
    pkijs.OCSPRequest.fromBER(new Uint8Array(request));
  } catch {
    throw new PkiServiceError(400, "Not an RFC 6960 OCSPRequest");
  }
  const m = readPkiServicesManifest(pkiDir);
  const state = prepareServicesState(pkiDir, m);
  return withTempFiles(path.join(state.stateDir, "tmp"), ["request.der", "response.der"], async ([requestFile, responseFile]) => {
    fs.writeFileSync(path.join(pkiDir, requestFile), request);
    await openssl.run(
      [
        "ocsp", "-index", m.index, "-CA", m.ca.certificate, "-rsigner", m.ocsp.certificate, "-rkey", m.ocsp.key,
        ...(m.ocsp.passphrase !== undefined ? ["-passin", "env:PKI_PASSIN"] : []),
        "-rmd", "sha256", "-ndays", String(OCSP_VALIDITY_DAYS), "-reqin", requestFile, "-respout", responseFile,
      ],
      { cwd: pkiDir, passphrase: m.ocsp.passphrase },
    );
    const response = fs.readFileSync(path.join(pkiDir, responseFile));
    if (response.length === 0) throw new Error("openssl ocsp wrote no response");
    return response;
  });
}
