import fs from "node:fs";
import path from "node:path";
import forge from "node-forge";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { completeCaseSigning } from "@/lib/cases/signing/complete-case-signing";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { openPkcs12 } from "@/lib/pki/open-pkcs12";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";

// procedures.md (S15): "PKCS#12 + passphrase supplied at signing time; the key is never stored by
// the system". Since issue #13 the key stays with the signer (the browser) and the server receives
// certificates and signature values only (decision 0017). Here the signer is played in this process
// (signCaseWithSigner: prepare → sign → complete); after a case is signed at the DIDEDUC and signed
// and issued centrally — with a refused completion on the way — neither signer's .p12, its private
// key nor its passphrase is anywhere the system keeps things: any row of any table (prepared
// signings, outbox mails and audit data included), any file under the storage root (prepared PDFs
// included), any log line written while signing. The certificates inside the .p12 are public and
// legitimately end up in the signed PDF and the registry, so slices that are part of a certificate
// are not searched.

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
});

type TNeedle = { what: string; text: string[]; bytes: Buffer[] };

const WINDOW = 24; // bytes: long enough to be distinctive, short enough to catch a partial copy

// Windows of `data` every 12 bytes that are not wholly part of a certificate of the .p12, as raw
// bytes, as hex and, where a base64 copy of the whole value would show them (3-byte aligned) inside
// one 64-character PEM line, as base64.
function secretSlices(data: Buffer, certificates: Buffer[]): { bytes: Buffer[]; text: string[] } {
  const b64 = data.toString("base64");
  const bytes: Buffer[] = [];
  const text: string[] = [];
  for (let at = 0; at + WINDOW <= data.length; at += 12) {
    const slice = data.subarray(at, at + WINDOW);
    if (certificates.some((der) => der.includes(slice))) continue;
    bytes.push(slice);
    text.push(slice.toString("hex"));
    if (at % 48 <= 48 - WINDOW) text.push(b64.slice((at / 3) * 4, (at / 3) * 4 + (WINDOW / 3) * 4));
  }
  return { bytes, text };
}

// The parts of a .p12 that are its own and secret: the encrypted private key (PKCS#8 shrouded key
// bag) and the integrity MAC. Its certificates are public and its bag attributes (the holder's
// name, a key id) may legitimately match a signed PDF, so they are not searched.
function pkcs12Secrets(pkcs12: Buffer): { encryptedKey: Buffer; mac: Buffer } {
  const bytes = (a: forge.asn1.Asn1) => Buffer.from(a.value as string, "binary");
  const octets = (a: forge.asn1.Asn1): Buffer => (a.constructed ? Buffer.concat((a.value as forge.asn1.Asn1[]).map(octets)) : bytes(a));
  const sub = (a: forge.asn1.Asn1) => a.value as forge.asn1.Asn1[];
  const pfx = forge.asn1.fromDer(forge.util.createBuffer(pkcs12.toString("binary")));
  const authSafe = forge.asn1.fromDer(forge.util.createBuffer(octets(sub(sub(sub(pfx)[1])[1])[0]).toString("binary")));
  const keys: Buffer[] = [];
  for (const contentInfo of sub(authSafe)) {
    if (forge.asn1.derToOid(sub(contentInfo)[0].value as string) !== forge.pki.oids.data) continue;
    const safeContents = forge.asn1.fromDer(forge.util.createBuffer(octets(sub(sub(contentInfo)[1])[0]).toString("binary")));
    for (const bag of sub(safeContents)) {
      if (forge.asn1.derToOid(sub(bag)[0].value as string) !== forge.pki.oids.pkcs8ShroudedKeyBag) continue;
      keys.push(bytes(sub(sub(sub(bag)[1])[0])[1]));
    }
  }
  expect(keys).toHaveLength(1);
  return { encryptedKey: keys[0], mac: bytes(sub(sub(sub(pfx)[2])[0])[1]) };
}

function needlesFor(key: string): TNeedle[] {
  const { pkcs12, passphrase } = w.p12(key);
  const opened = openPkcs12(pkcs12, passphrase);
  const certificates = [opened.certificate, ...opened.chain].map((c) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), "binary"));
  const rsa = forge.pki.privateKeyToAsn1(opened.privateKey as forge.pki.rsa.PrivateKey);
  const pkcs1 = secretSlices(Buffer.from(forge.asn1.toDer(rsa).getBytes(), "binary"), certificates);
  const pkcs8 = secretSlices(Buffer.from(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(rsa)).getBytes(), "binary"), certificates);
  const { encryptedKey, mac } = pkcs12Secrets(pkcs12);
  expect(pkcs12.includes(encryptedKey) && pkcs12.includes(mac)).toBe(true);
  const p12 = secretSlices(encryptedKey, certificates);
  // The start of the file, as a whole copy of it would show it, and the MAC.
  const start = pkcs12.subarray(0, WINDOW);
  for (const b of [start, mac]) p12.bytes.push(b), p12.text.push(b.toString("hex"));
  p12.text.push(pkcs12.toString("base64").slice(0, (WINDOW / 3) * 4));
  // Sanity: there is something to look for.
  expect(p12.bytes.length).toBeGreaterThan(20);
  expect(pkcs8.bytes.length).toBeGreaterThan(20);
  return [
    { what: `${key}: passphrase`, text: [passphrase], bytes: [Buffer.from(passphrase, "utf8")] },
    { what: `${key}: .p12 bytes`, ...p12 },
    { what: `${key}: private key`, text: [...pkcs1.text, ...pkcs8.text], bytes: [...pkcs1.bytes, ...pkcs8.bytes] },
  ];
}

// Every row of every table of the application's schema, as JSON text (bytea comes out as hex).
async function dumpAllTables(): Promise<Map<string, string>> {
  const tables = await w.db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const dump = new Map<string, string>();
  for (const { table_name } of tables) {
    const rows = await w.db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${table_name.replaceAll('"', '""')}" t`);
    dump.set(table_name, rows.map((r) => r.j).join("\n"));
  }
  return dump;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

// A JSON dump escapes non-ASCII and slashes; search the raw and the JSON-escaped forms.
function textContains(haystack: string, needle: string): boolean {
  return haystack.includes(needle) || haystack.includes(JSON.stringify(needle).slice(1, -1));
}

function findings(needles: TNeedle[], places: Array<{ where: string; text?: string; bytes?: Buffer }>): string[] {
  const found: string[] = [];
  for (const place of places) {
    for (const n of needles) {
      if (place.text !== undefined && n.text.some((t) => textContains(place.text!, t))) found.push(`${n.what} in ${place.where}`);
      else if (place.bytes !== undefined && (n.bytes.some((b) => place.bytes!.includes(b)) || n.text.some((t) => place.bytes!.includes(Buffer.from(t, "utf8"))))) {
        found.push(`${n.what} in ${place.where}`);
      }
    }
  }
  return found;
}

describe('"the key is never stored by the system" (S15)', () => {
  it("after a DIDEDUC signature and the central sign_and_issue through prepare/complete, no table, stored file, mail, audit event or log line holds either .p12, its private key or its passphrase", async () => {
    const { db, actors, options } = w;
    const logged: string[] = [];
    const keep = (...args: unknown[]) => void logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" "));
    for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation(keep);
    const realStdout = process.stdout.write.bind(process.stdout);
    const realStderr = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(Buffer.from(chunk).toString("utf8"));
      return realStdout(chunk, ...rest);
    }) as typeof process.stdout.write);
    vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(Buffer.from(chunk).toString("utf8"));
      return realStderr(chunk, ...rest);
    }) as typeof process.stderr.write);

    const submitted = await w.caseInReview();
    const generated = await generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
    // A refused completion first: a value signed over other bytes with the real key.
    const signer = w.signer("signer-guatemala-norte");
    const { certificate, chain } = await signer.certificates();
    const prepared = await prepareCaseSigning(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, action: "sign", certificates: [certificate, ...chain], ip: null },
      options,
    );
    const refused = await completeCaseSigning(
      { actor: actors.signer, preparedSigningId: prepared.preparedSigningId, signatureValue: await signer.sign(Buffer.from("otros bytes")), ip: null },
      options,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "SigningRefusal", code: "SIGNATURE_MISMATCH" });
    const signed = await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte"), ip: null },
      options,
    );
    expect(signed.state).toBe("CENTRAL_REVIEW");
    const issued = await signAndIssue({ actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant"), ip: null }, options);
    expect(issued.state).toBe("ISSUED");
    await w.expectIssuedPdfValid(submitted.id);
    vi.restoreAllMocks();

    const needles = [...needlesFor("signer-guatemala-norte"), ...needlesFor("central-assistant")];

    // The search finds what it looks for: a planted copy of each secret would be reported.
    for (const n of needles) {
      expect(findings([n], [{ where: "probe", text: `x${n.text[0]}x` }])).toHaveLength(1);
      expect(findings([n], [{ where: "probe", bytes: Buffer.concat([Buffer.from("x"), n.bytes[0], Buffer.from("x")]) }])).toHaveLength(1);
    }

    // Every table, every row; the ones this test must have written to are not empty.
    const dump = await dumpAllTables();
    for (const table of ["Case", "Signature", "DocumentVersion", "AuditEvent", "OutboxMail", "AuthorizedSigner", "PreparedSigning"]) {
      expect(dump.get(table), table).toBeTruthy();
    }
    expect(findings(needles, [...dump].map(([table, text]) => ({ where: `table "${table}"`, text })))).toEqual([]);

    // The outbox mails and the audit data of the case, read through Prisma as the app reads them.
    const mails = await db.outboxMail.findMany({ where: { caseId: submitted.id } });
    expect(mails.length).toBeGreaterThan(0);
    const events = await db.auditEvent.findMany({ where: { caseId: submitted.id } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["sign", "sign_and_issue"]));
    const asJson = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
    expect(findings(needles, [{ where: "outbox mails", text: asJson(mails) }, { where: "audit events", text: asJson(events) }])).toEqual([]);

    // Every file under the storage root (scans, the unsigned, prepared, DIDEDUC-signed and issued PDFs).
    const files = filesUnder(path.join(w.root, "files"));
    const preparedKeys = (await db.preparedSigning.findMany({ where: { caseId: submitted.id } })).map((p) => p.preparedStorageKey);
    expect(preparedKeys).toHaveLength(3);
    for (const key of preparedKeys) expect(files.map((f) => path.basename(f))).toContain(key);
    // Two scans, the UNSIGNED, DIDEDUC-signed and issued files, and the prepared ones (two prepares
    // of one step within the same second make the same bytes: one file).
    expect(files.length).toBeGreaterThanOrEqual(5 + new Set(preparedKeys).size);
    expect(findings(needles, files.map((f) => ({ where: path.relative(w.root, f), bytes: fs.readFileSync(f) })))).toEqual([]);

    // Every log line written while reviewing, refusing, signing and issuing.
    expect(findings(needles, [{ where: "log output", text: logged.join("\n") }])).toEqual([]);
  });
});
