import type { TPkiServices } from "@/lib/pki/services/types";
import { startPkiServicesProcess } from "./start-pki-services-process";

export type TWorldPkiServices = {
  services: TPkiServices;
  // What the certify operations take as `tsa` (TTsaConfig).
  tsa: { url: string };
  close(): Promise<void>;
};

// The PKI services of a test world's demo PKI, started BEFORE the seed so the certificates it
// issues name their port (pass `servicesBaseUrl: services.baseUrl` to seedDatabase). TSA_URL is
// set to them for as long as they run, as `npm start` sets it for the app: the seed's demo cases
// and any operation a test calls without an explicit `tsa` then timestamp against this world's TSA.
export async function startWorldPkiServices(pkiDir: string): Promise<TWorldPkiServices> {
  // In a child process: the worlds check issued PDFs with pdfsig (spawned synchronously), which
  // fetches OCSP and CRLs from these services.
  const services = await startPkiServicesProcess({ pkiDir });
  const previous = process.env.TSA_URL;
  process.env.TSA_URL = services.tsaUrl;
  return {
    services,
    tsa: { url: services.tsaUrl },
    async close() {
      if (process.env.TSA_URL === services.tsaUrl) {
        if (previous === undefined) delete process.env.TSA_URL;
        else process.env.TSA_URL = previous;
      }
      await services.close();
    },
  };
}
