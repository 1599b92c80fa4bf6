import fs from "node:fs";
import path from "node:path";
import { PKI_SERVICES_MANIFEST_FILE, PkiServiceError, ZPkiServicesManifest, type TPkiServicesManifest } from "./types";

// Read on every request: the PKI may be created or re-issued while the services run.
export function readPkiServicesManifest(pkiDir: string): TPkiServicesManifest {
  const file = path.join(pkiDir, PKI_SERVICES_MANIFEST_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch {
    throw new PkiServiceError(503, `PKI not ready: ${file} is missing`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = ZPkiServicesManifest.safeParse(json);
  if (!parsed.success) throw new PkiServiceError(503, `PKI not ready: ${file} is invalid`);
  return parsed.data;
}
