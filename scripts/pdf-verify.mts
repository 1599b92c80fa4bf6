// `npm run pdf:verify -- file.pdf [--trust root.pem ...] [--json]`: validates every signature
// and document timestamp of a PDF and prints, in Spanish, per signature its timestamp (time in
// Guatemala, TSA, valid and covering), revocation status and source, and PAdES level, then the
// document timestamp and the level the file reaches ("Nivel PAdES alcanzado: B-LTA"). --json
// prints the whole report as JSON instead. Exit code 0 when the document is validly signed (every
// signature and document timestamp valid and trusted, nothing but signatures, DSS and document
// timestamps added after any signature), 1 when it is not (no signatures included), 2 on a
// usage error or an unreadable file.
//
// Trusted roots: each --trust file (PEM, possibly several certificates, or DER); without any,
// the file named by TRUSTED_ROOTS_PEM; without that, the demo PKI's root-ca.pem in PKI_DIR
// (default .data/pki) when it exists.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeSignatureReport } from "../lib/pdf/describe-signature-report";
import { validatePdfSignatures } from "../lib/pdf/validate-pdf-signatures";

const USAGE = "Uso: npm run pdf:verify -- archivo.pdf [--trust raiz.pem ...] [--json]";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({ options: { trust: { type: "string", multiple: true }, json: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}

const parsed = readArguments();
if (parsed.positionals.length !== 1) fail(USAGE);
const file = parsed.positionals[0];

let trustFiles = parsed.values.trust ?? [];
if (trustFiles.length === 0 && process.env.TRUSTED_ROOTS_PEM) trustFiles = [process.env.TRUSTED_ROOTS_PEM];
const defaultRoot = path.resolve(process.env.PKI_DIR || ".data/pki", "root-ca.pem");
if (trustFiles.length === 0 && existsSync(defaultRoot)) trustFiles = [defaultRoot];
if (trustFiles.length === 0) console.error("Aviso: no hay raíces de confianza configuradas; ninguna cadena resultará de confianza.");

let pdf: Buffer;
let trustedRoots: Buffer[];
try {
  pdf = readFileSync(file);
} catch (error) {
  fail(`No se pudo leer ${file}: ${(error as Error).message}`);
}
try {
  trustedRoots = trustFiles.map((f) => readFileSync(f));
} catch (error) {
  fail(`No se pudo leer una raíz de confianza: ${(error as Error).message}`);
}

const report = validatePdfSignatures(pdf, { trustedRoots });
if (parsed.values.json) {
  console.log(JSON.stringify({ file: path.resolve(file), trustedRoots: trustFiles.map((f) => path.resolve(f)), ...report }, null, 2));
} else {
  const header = [
    `Archivo: ${path.resolve(file)} (${pdf.length.toLocaleString("es-GT")} bytes)`,
    `Raíces de confianza: ${trustFiles.length > 0 ? trustFiles.map((f) => path.resolve(f)).join(", ") : "ninguna"}`,
    "",
  ];
  console.log([...header, ...describeSignatureReport(report)].join("\n"));
}
process.exit(report.valid ? 0 : 1);
