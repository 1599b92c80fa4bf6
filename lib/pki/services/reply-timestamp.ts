import fs from "node:fs";
import path from "node:path";
import * as pkijs from "pkijs";
import { prepareServicesState } from "./prepare-services-state";
import { readPkiServicesManifest } from "./read-pki-services-manifest";
import type { TOpensslRunner } from "./run-openssl";
import { PkiServiceError } from "./types";
import { withTempFiles } from "./with-temp-files";

// RFC 3161 over HTTP: a DER TimeStampReq in, the DER TimeStampResp of `openssl ts -reply` out.
// Bytes that are not a TimeStampReq at all get a 400 here; a well-formed request OpenSSL declines
// (e.g. an unsupported digest) gets its signed "rejection" reply, as a real TSA answers.
// `serialize` must be the services' queue: openssl increments the serial file.
export async function replyTimestamp(
  pkiDir: string,
  query: Buffer,
  openssl: TOpensslRunner,
  serialize: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Buffer> {
  try {
    pkijs.TimeStampReq.fromBER(new Uint8Array(query));
  } catch {
    throw new PkiServiceError(400, "Not an RFC 3161 TimeStampReq");
  }
  const manifest = readPkiServicesManifest(pkiDir);
  return serialize(async () => {
    const state = prepareServicesState(pkiDir, manifest);
    return withTempFiles(path.join(state.stateDir, "tmp"), ["query.tsq", "reply.tsr"], async ([queryFile, replyFile]) => {
      fs.writeFileSync(path.join(pkiDir, queryFile), query);
      await openssl.run(
        ["ts", "-reply", "-config", state.config, "-queryfile", queryFile, "-out", replyFile, ...(manifest.tsa.passphrase !== undefined ? ["-passin", "env:PKI_PASSIN"] : [])],
        { cwd: pkiDir, passphrase: manifest.tsa.passphrase },
      );
      return fs.readFileSync(path.join(pkiDir, replyFile));
    });
  });
}
