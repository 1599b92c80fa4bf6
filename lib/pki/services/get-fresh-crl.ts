import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as pkijs from "pkijs";
import { prepareServicesState } from "./prepare-services-state";
import { readPkiServicesManifest } from "./read-pki-services-manifest";
import type { TOpensslRunner } from "./run-openssl";
import { withTempFiles } from "./with-temp-files";

// A CRL is re-made once a day (it is valid for 7, see prepare-services-state.ts) and at once when
// the CA's index or the manifest changed (a revocation, a re-issued CA): validators fetching it
// right after a revocation see it.
const REFRESH_AFTER_MS = 24 * 3600 * 1000;

type TCrlMeta = { source: string; thisUpdate: string; nextUpdate: string };

// The CA's current CRL, DER, made by `openssl ca -gencrl` and kept in the state directory (on
// disk, not in memory, so every process serving this PKI directory hands out the same one).
// `serialize` must be the services' queue: openssl increments the CRL number file.
export async function getFreshCrl(
  pkiDir: string,
  openssl: TOpensslRunner,
  serialize: <T>(task: () => Promise<T>) => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<Buffer> {
  const m = readPkiServicesManifest(pkiDir);
  return serialize(async () => {
    const state = prepareServicesState(pkiDir, m);
    const crlFile = path.join(pkiDir, state.stateDir, "root.crl");
    const metaFile = path.join(pkiDir, state.stateDir, "root.crl.json");
    const source = createHash("sha256")
      .update(fs.readFileSync(path.join(pkiDir, m.index)))
      .update(JSON.stringify(m))
      .update(fs.readFileSync(path.join(pkiDir, m.ca.certificate)))
      .digest("hex");
    const t = now().getTime();
    try {
      const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as TCrlMeta;
      const fresh = meta.source === source && t >= Date.parse(meta.thisUpdate) && t < Date.parse(meta.thisUpdate) + REFRESH_AFTER_MS && t < Date.parse(meta.nextUpdate);
      if (fresh) return fs.readFileSync(crlFile);
    } catch {
      // No CRL yet, or an unreadable one: make it.
    }
    const der = await withTempFiles(path.join(state.stateDir, "tmp"), ["crl.pem", "crl.der"], async ([pemFile, derFile]) => {
      const pass = m.ca.passphrase !== undefined ? ["-passin", "env:PKI_PASSIN"] : [];
      await openssl.run(["ca", "-config", state.config, "-gencrl", ...pass, "-out", pemFile], { cwd: pkiDir, passphrase: m.ca.passphrase });
      await openssl.run(["crl", "-in", pemFile, "-outform", "DER", "-out", derFile], { cwd: pkiDir });
      return fs.readFileSync(path.join(pkiDir, derFile));
    });
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
    const meta: TCrlMeta = { source, thisUpdate: crl.thisUpdate.value.toISOString(), nextUpdate: (crl.nextUpdate?.value ?? new Date(0)).toISOString() };
    fs.writeFileSync(`${crlFile}.tmp`, der);
    fs.renameSync(`${crlFile}.tmp`, crlFile);
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    return der;
  });
}
