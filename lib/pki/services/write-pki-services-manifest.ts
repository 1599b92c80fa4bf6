import fs from "node:fs";
import path from "node:path";
import { PKI_SERVICES_MANIFEST_FILE, ZPkiServicesManifest, type TPkiServicesManifest } from "./types";

// Writes the manifest the services read (see types.ts); unchanged content is not rewritten, so a
// reused PKI reports nothing written. Returns whether the file changed.
export function writePkiServicesManifest(pkiDir: string, manifest: TPkiServicesManifest): boolean {
  const text = `${JSON.stringify(ZPkiServicesManifest.parse(manifest), null, 2)}\n`;
  const file = path.join(pkiDir, PKI_SERVICES_MANIFEST_FILE);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return true;
}
