import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TPkiServices } from "@/lib/pki/services/types";
import { ensureDemoPki } from "@/prisma/seed/ensure-demo-pki";
import { startPkiServicesProcess } from "./start-pki-services-process";

export type TWorldPkiServices = {
  services: TPkiServices;
  // What the certify operations take as `tsa` (TTsaConfig).
  tsa: { url: string };
  close(): Promise<void>;
};

// The demo PKI the seed makes, made once per test process for the worlds that only use it
// (`copyOfSharedDemoPki`): the seed's own code (ensureDemoPki), for services on one port that each
// such world's services then take again. Making it is forge's pure-JS RSA and PBKDF2 (seconds of CPU)
// and most integration files build a world; each gets its own copy, so nothing one world does to its
// PKI (a revocation in the CA database) reaches another. The seed then finds the PKI in place and
// keeps it, as on any start but the first; the files that test the seed making it do not ask for it.
let sharedDemoPki: Promise<{ dir: string; port: number }> | undefined;
function demoPkiTemplate(): Promise<{ dir: string; port: number }> {
  sharedDemoPki ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-world-pki-"));
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    const services = await startPkiServicesProcess({ pkiDir: dir });
    try {
      ensureDemoPki({ pkiDir: dir, servicesBaseUrl: services.baseUrl });
      return { dir, port: Number(new URL(services.baseUrl).port) };
    } finally {
      await services.close();
    }
  })();
  return sharedDemoPki;
}

// The PKI services of a test world's demo PKI, started BEFORE the seed so the certificates it
// issues name their port (pass `servicesBaseUrl: services.baseUrl` to seedDatabase). TSA_URL is
// set to them for as long as they run, as `npm start` sets it for the app: the seed's demo cases
// and any operation a test calls without an explicit `tsa` then timestamp against this world's TSA.
export async function startWorldPkiServices(pkiDir: string, options: { copyOfSharedDemoPki?: boolean } = {}): Promise<TWorldPkiServices> {
  // In a child process: the worlds check issued PDFs with pdfsig (spawned synchronously), which
  // fetches OCSP and CRLs from these services.
  let services: TPkiServices | undefined;
  if (options.copyOfSharedDemoPki && !fs.existsSync(pkiDir)) {
    const template = await demoPkiTemplate();
    fs.cpSync(template.dir, pkiDir, { recursive: true });
    // On the port its certificates name. Taken meanwhile (another process): any port, and the seed
    // re-issues the certificates for it, as it does for any moved services.
    services = await startPkiServicesProcess({ pkiDir, port: template.port }).catch(() => undefined);
  }
  services ??= await startPkiServicesProcess({ pkiDir });
  const started = services;
  const previous = process.env.TSA_URL;
  process.env.TSA_URL = started.tsaUrl;
  return {
    services: started,
    tsa: { url: started.tsaUrl },
    async close() {
      if (process.env.TSA_URL === started.tsaUrl) {
        if (previous === undefined) delete process.env.TSA_URL;
        else process.env.TSA_URL = previous;
      }
      await started.close();
    },
  };
}
