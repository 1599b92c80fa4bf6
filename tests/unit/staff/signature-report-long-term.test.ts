import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { summarizeLongTermFile, summarizeLongTermSignature } from "@/lib/cases/summarize-long-term-validation";
import { formatGuatemalaTime } from "@/lib/pdf/format-guatemala-time";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { SignatureReport, type TSignatureReportView } from "@/components/staff/signature-report";
import { createLongTermPki, type TLongTermPki } from "../../helpers/long-term-pki";
import { appendDocumentTimestamp, appendDss, appendPageChange, signPdfWithTimestamp } from "../../helpers/pades-fixtures";
import { makeTestPdf, signingOptions } from "../signing/fixtures";

// The staff signature report's view of a B-LTA certification (issue #10): the first signature,
// followed by a second one, the DSS and the document timestamp, reads "Cubierta por firmas o
// sellos posteriores" with a ✔ — never the red "No llega al final del archivo" — and each
// signature shows its timestamp, revocation status and PAdES level.

let lt: TLongTermPki;
let twoSigned: Buffer;
let blta: Buffer;

function view(pdf: Buffer): { html: string; report: TSignatureReportView } {
  const validation = validatePdfSignatures(pdf, { trustedRoots: [lt.pki.root.certPem] });
  const file = summarizeLongTermFile(validation);
  const report: TSignatureReportView = {
    ok: validation.valid,
    fileSha256: null,
    level: file.level,
    documentTimestamp: file.documentTimestamp,
    problems: [...validation.errors, ...file.problems],
    signatures: validation.signatures.map((s, i) => {
      const summary = summarizeLongTermSignature(s, i === validation.signatures.length - 1);
      return {
        index: s.index,
        signerName: s.certificate?.commonName ?? null,
        fingerprint: s.certificate?.fingerprint ?? null,
        signedAt: s.signingTime,
        intact: s.digestOk && s.signatureOk,
        coversWholeFile: s.coversWholeFile,
        authorized: true,
        authorizedAs: null,
        validAtSigning: true,
        ...summary,
      };
    }),
  };
  return { html: renderToStaticMarkup(createElement(SignatureReport, { report })), report };
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  lt = createLongTermPki();
  const stamp = (v: Buffer) => lt.timestamp(v);
  const first = await signPdfWithTimestamp(await makeTestPdf(), openPkcs12Signer(lt.pki.jose.pkcs12, lt.pki.jose.passphrase), signingOptions("José"), stamp);
  twoSigned = await signPdfWithTimestamp(first, openPkcs12Signer(lt.pki.ecdsa.pkcs12, lt.pki.ecdsa.passphrase), signingOptions("Begoña"), stamp);
  const withDss = appendDss(twoSigned, {
    certificates: [lt.pki.jose.certDer, lt.pki.ecdsa.certDer, lt.tsa.certDer, lt.pki.root.certDer],
    ocspResponses: [lt.pki.jose.certPem, lt.pki.ecdsa.certPem, lt.tsa.certPem].map((p) => lt.ocsp(p)),
    crls: [],
  });
  blta = appendDocumentTimestamp(withDss, (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
}, 120_000);

describe("staff signature report, long-term signatures", { timeout: 60_000 }, () => {
  it("a B-LTA file: every signature covered, timestamped, not revoked, B-LTA; the file's level and document timestamp", () => {
    const { html, report } = view(blta);
    const words = text(html);
    expect(words).not.toContain("No llega al final del archivo");
    expect(words.match(/Cubierta por firmas o sellos posteriores/g)).toHaveLength(2);
    expect(html).not.toMatch(/data-testid="check-covers" data-ok="false"/);
    const genTime = formatGuatemalaTime(validatePdfSignatures(blta, { trustedRoots: [lt.pki.root.certPem] }).signatures[0].timestamp!.genTime!);
    expect(words).toContain(`${genTime}, TSA Autoridad de Sellado de Tiempo de Pruebas — válido, cubre esta firma`);
    expect(words).toMatch(/no revocado \(respuesta OCSP en el DSS del documento/);
    expect(words).toContain("Nivel PAdES B-LTA");
    expect(words).toContain("Nivel PAdES alcanzado B-LTA");
    expect(words).toMatch(/Sello de tiempo del documento .+ — válido, cubre el documento; cubre todo el archivo/);
    expect(report.problems).toEqual([]);
    expect(report.signatures.every((s) => s.problems.length === 0)).toBe(true);
  });

  it("an unsigned page change after the first signature keeps the red ✘ and names the change", async () => {
    const changed = await signPdfWithTimestamp(appendPageChange(await signedByJose()), openPkcs12Signer(lt.pki.ecdsa.pkcs12, lt.pki.ecdsa.passphrase), signingOptions("Begoña"), (v) => lt.timestamp(v));
    const { html, report } = view(changed);
    expect(html).toMatch(/data-testid="check-covers" data-ok="false"/);
    expect(text(html)).toContain("No llega al final del archivo (se agregó contenido después)");
    expect(report.signatures[0].problems.join(" ")).toMatch(/Después de esta firma se modificó el documento: .*una página/);
  });
});

async function signedByJose(): Promise<Buffer> {
  return signPdfWithTimestamp(await makeTestPdf(), openPkcs12Signer(lt.pki.jose.pkcs12, lt.pki.jose.passphrase), signingOptions("José"), (v) => lt.timestamp(v));
}
