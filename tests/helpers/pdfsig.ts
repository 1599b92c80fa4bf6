import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Independent checks of our PDFs with Debian tools: pdfsig (poppler, NSS for certificates) and
// qpdf. Reusable by unit and e2e tests.

export type TPdfsigSignature = {
  fieldName: string | null;
  commonName: string | null;
  subFilter: string | null;
  ranges: string | null;
  totalDocumentSigned: boolean;
  // e.g. "Signature is Valid.", "Digest Mismatch.", "Signature is Invalid."
  signatureValidation: string | null;
  // e.g. "Certificate is Trusted.", "Certificate issuer isn't Trusted."
  certificateValidation: string | null;
};

export type TPdfsigResult = { exitCode: number; output: string; signatures: TPdfsigSignature[] };

export type TNssDb = { dir: string; nssdir: string };

// An NSS database trusting the given roots for signing (the "C" trust flags).
export function createNssDb(rootPems: string[], options: { dir?: string } = {}): TNssDb {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "certifica-nss-"));
  mkdirSync(dir, { recursive: true });
  const nssdir = `sql:${dir}`;
  run("certutil", ["-N", "-d", nssdir, "--empty-password"]);
  rootPems.forEach((pem, i) => {
    const file = path.join(dir, `root-${i}.pem`);
    writeFileSync(file, pem);
    run("certutil", ["-A", "-d", nssdir, "-n", `root-${i}`, "-t", "CT,C,C", "-i", file]);
  });
  return { dir, nssdir };
}

// Imports a PKCS#12 (key + certificates) so pdfsig can sign with it under `nickname`.
export function importPkcs12(db: TNssDb, pkcs12Path: string, passphrase: string): void {
  run("pk12util", ["-i", pkcs12Path, "-d", db.nssdir, "-W", passphrase, "-K", ""]);
}

export function runPdfsig(file: string, db?: TNssDb): TPdfsigResult {
  // No -no-ocsp: with it, poppler 22.12 reports "Unknown issue with Certificate" for certificates
  // that carry no OCSP address at all; without it nothing is fetched for them either.
  const args = db ? ["-nssdir", db.nssdir, file] : ["-nocert", file];
  const result = spawnSync("pdfsig", args, { encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { exitCode: result.status ?? -1, output, signatures: parsePdfsigOutput(result.stdout ?? "") };
}

// Signs with pdfsig itself: an adbe.pkcs7.detached signature made by another implementation
// (NSS). poppler 22.12 cannot add ETSI.CAdES.detached signatures ("-etsi is not supported yet").
export function signWithPdfsig(input: string, output: string, db: TNssDb, nickname: string, options: { reason?: string } = {}): void {
  const args = ["-nssdir", db.nssdir, "-add-signature", "-nick", nickname, "-digest", "SHA256"];
  if (options.reason) args.push("-reason", options.reason);
  run("pdfsig", [...args, input, output]);
}

export function parsePdfsigOutput(stdout: string): TPdfsigSignature[] {
  const blocks = stdout.split(/^Signature #\d+:\s*$/m).slice(1);
  return blocks.map((block) => {
    const field = (label: string) => {
      const m = new RegExp(`^\\s*- ${label}: (.*)$`, "m").exec(block);
      return m ? m[1].trim() : null;
    };
    return {
      fieldName: field("Signature Field Name"),
      commonName: field("Signer Certificate Common Name"),
      subFilter: field("Signature Type"),
      ranges: field("Signed Ranges"),
      totalDocumentSigned: /^\s*- Total document signed\s*$/m.test(block),
      signatureValidation: field("Signature Validation"),
      certificateValidation: field("Certificate Validation"),
    };
  });
}

export type TQpdfCheck = { exitCode: number; output: string; clean: boolean };

// qpdf --check exits 0 only without errors or warnings (3 = warnings, 2 = errors).
export function qpdfCheck(file: string): TQpdfCheck {
  const result = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { exitCode: result.status ?? -1, output, clean: result.status === 0 && !/WARNING|error/i.test(result.stderr ?? "") };
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} falló (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}
