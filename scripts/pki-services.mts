// The demo/test PKI's services (lib/pki/services: TSA, OCSP, CRL) on their own:
//   npm run pki:services -- [--pki-dir DIR] [--port N] [--exit-with-stdin]
// Defaults: PKI_DIR (.data/pki), PKI_SERVICES_PORT (3099); --port 0 takes any free port. Prints one
// JSON line with the addresses once listening, and stops on SIGINT/SIGTERM (or, with
// --exit-with-stdin, when its stdin closes: a test harness that dies takes it along). Tests run it as
// a separate process because pdfsig, spawned synchronously, fetches OCSP and CRLs from it: in the
// test's own process the services could not answer while it waits.
import { parseArgs } from "node:util";
import { startPkiServices } from "../lib/pki/services/start-pki-services";
import { DEFAULT_PKI_SERVICES_PORT, resolvePkiDir } from "../prisma/seed/demo-accounts";

const { values } = parseArgs({
  options: { "pki-dir": { type: "string" }, port: { type: "string" }, "exit-with-stdin": { type: "boolean" } },
});
const port = Number(values.port ?? (process.env.PKI_SERVICES_PORT || DEFAULT_PKI_SERVICES_PORT));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Puerto inválido: ${values.port}`);
  process.exit(2);
}
const services = await startPkiServices({ pkiDir: resolvePkiDir(values["pki-dir"]), port });
console.log(JSON.stringify({ baseUrl: services.baseUrl, tsaUrl: services.tsaUrl, ocspUrl: services.ocspUrl, crlUrl: services.crlUrl }));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void services.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
if (values["exit-with-stdin"]) {
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
}
