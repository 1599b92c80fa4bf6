import { createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { createKeySigner } from "@/lib/signing/create-key-signer";
import { extendToLongTerm } from "@/lib/signing/extend-to-long-term";
import { signPdfWithDetails } from "@/lib/signing/sign-pdf";
import { appendPageChange } from "../../helpers/pades-fixtures";
import { pemToDer, type TTestIdentity } from "../../helpers/pki-fixtures";
import { createServedTestPki, type TServedTestPki } from "../../helpers/served-test-pki";
import { makeTestPdf, signingOptions } from "./fixtures";

// The validator on the production writers (signPdf with a timestamp, extendToLongTerm: DSS with
// VRI and the ESIC extension, then DocTimeStamp), served by Part PKI's test PKI on 127.0.0.1:
// B-T after signing, B-LTA after extending, still B-LTA after a re-timestamping.

let pki: TServedTestPki;
beforeAll(async () => {
  pki = await createServedTestPki();
}, 60_000);
afterAll(async () => pki?.close());

const keySigner = (who: TTestIdentity) => createKeySigner(createPrivateKey(who.keyPem), { certificate: who.certDer, chain: who.chainPems.map(pemToDer) });

describe("validatePdfSignatures on extendToLongTerm's files", { timeout: 60_000 }, () => {
  it("B-T after two timestamped signatures; B-LTA after extendToLongTerm, and after a second extension", async () => {
    const timestamp = { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots };
    const trust = { trustedRoots: pki.trustedRoots };
    const once = await signPdfWithDetails(await makeTestPdf(), keySigner(pki.ecdsa), { ...signingOptions("Begoña Muñoz Peña"), timestamp });
    const twice = await signPdfWithDetails(once.pdf, keySigner(pki.jose), { ...signingOptions("José Pérez Gómez"), timestamp });
    const bt = validatePdfSignatures(twice.pdf, trust);
    expect(bt.errors).toEqual([]);
    expect(bt).toMatchObject({ valid: true, level: "B-T" });
    expect(bt.signatures.map((s) => [s.level, s.coveredByLaterUpdates])).toEqual([
      ["B-T", true],
      ["B-T", false],
    ]);
    expect(bt.signatures[1].timestamp?.genTime?.getTime()).toBe(twice.timestamp?.genTime.getTime());
    expect(bt.signatures[1].timestamp?.tsaName).toBe(twice.timestamp?.tsaName);

    const extended = await extendToLongTerm(twice.pdf, { ...timestamp, now: new Date() });
    const lta = validatePdfSignatures(extended.pdf, trust);
    expect(lta.errors).toEqual([]);
    expect(lta).toMatchObject({ valid: true, level: "B-LTA" });
    expect(lta.signatures.map((s) => [s.level, s.coveredByLaterUpdates, s.modifiedAfterSigning])).toEqual([
      ["B-LTA", true, false],
      ["B-LTA", true, false],
    ]);
    for (const s of lta.signatures) {
      expect(s.revocation).toMatchObject({ status: "good", source: "OCSP", foundIn: "DSS", chainCompleteInDss: true });
      expect(s.timestamp?.revocation).toMatchObject({ status: "good", foundIn: "DSS" });
    }
    expect(lta.documentTimestamp).toMatchObject({ valid: true, coversWholeFile: true, coversDss: true });
    expect(lta.documentTimestamp?.genTime?.getTime()).toBe(extended.documentTimestamp.genTime.getTime());
    expect(lta.dss?.vriEntries).toBe(2);

    const again = await extendToLongTerm(extended.pdf, { ...timestamp, now: new Date() });
    const retimestamped = validatePdfSignatures(again.pdf, trust);
    expect(retimestamped.errors).toEqual([]);
    expect(retimestamped).toMatchObject({ valid: true, level: "B-LTA" });
    expect(retimestamped.documentTimestamps.map((d) => [d.valid, d.coveredByLaterUpdates, d.coversWholeFile])).toEqual([
      [true, true, false],
      [true, false, true],
    ]);

    // An unsigned page change after the extension: an error, whatever came before.
    const changed = validatePdfSignatures(appendPageChange(extended.pdf), trust);
    expect(changed).toMatchObject({ valid: false, modifiedAfterLastSignature: true, level: null });
  });
});
