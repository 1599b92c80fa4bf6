// Writes the D.1.2 upload fixtures for the browser test, signed with the e2e server's demo PKI
// (its archive officer's PKCS#12 and its root): the archive's signed record and the ways it can
// go wrong. Needs the server-only stub, hence its own tsconfig:
//
//   PKI_DIR=<e2e pki> tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/graduation-record-fixtures.mts <out dir> <label>
import fs from "node:fs/promises";
import path from "node:path";
import { makeArchiveUploads } from "../tests/helpers/archive-signed-pdf";

const [outDir, label = "Expediente de graduación"] = process.argv.slice(2);
if (!outDir) throw new Error("Falta el directorio de salida.");
const pkiDir = process.env.PKI_DIR;
if (!pkiDir) throw new Error("Falta PKI_DIR: el directorio de la PKI de demostración del servidor e2e.");

const pdfs = await makeArchiveUploads(label, { pkiDir });
await fs.mkdir(outDir, { recursive: true });
const files: Record<string, string> = {};
for (const [name, bytes] of Object.entries(pdfs)) {
  files[name] = path.join(outDir, `expediente-${name}.pdf`);
  await fs.writeFile(files[name], bytes);
}
process.stdout.write(JSON.stringify(files));
