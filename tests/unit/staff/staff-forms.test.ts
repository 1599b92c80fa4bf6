import { describe, expect, it } from "vitest";
import { contentDisposition, pdfResponse } from "@/app/api/cases/pdf-response";
import {
  CERTIFICATE_DER_MAX_BYTES,
  SIGNATURE_VALUE_MAX_BYTES,
  ZCaseActionForm,
  ZCompleteSigningForm,
  ZPrepareSigningForm,
  transitionInputOf,
} from "@/components/staff/case-action-schemas";
import { parseQueueFilters } from "@/components/staff/case-queue";
import { formKindOf } from "@/components/staff/form-kind";
import { describeCaseAction } from "@/lib/cases/describe-case-action";
import { getDefinition } from "@/lib/workflow/definitions";

describe("contentDisposition", () => {
  it("keeps a plain name and encodes the UTF-8 original", () => {
    expect(contentDisposition("certificado.pdf", "inline")).toBe(`inline; filename="certificado.pdf"; filename*=UTF-8''certificado.pdf`);
    const h = contentDisposition("Título de Ñandú (2).pdf", "attachment");
    expect(h).toMatch(/^attachment; filename="Titulo_de_Nandu__2_\.pdf"; /);
    expect(h).toContain("filename*=UTF-8''T%C3%ADtulo%20de%20%C3%91and%C3%BA%20%282%29.pdf");
  });

  it("cannot be broken out of: quotes, separators, control characters and header injection are dropped", () => {
    const h = contentDisposition('a"b\r\nSet-Cookie: x=1/../c\\d.pdf', "inline");
    expect(h).not.toMatch(/[\r\n]/);
    const ascii = /filename="([^"]*)"/.exec(h)![1];
    expect(ascii).not.toMatch(/["/\\]/);
    expect(h.split(";").length).toBe(3);
  });

  it("adds .pdf and falls back to a generic name", () => {
    expect(contentDisposition("informe", "inline")).toContain('filename="informe.pdf"');
    expect(contentDisposition("  ", "inline")).toContain('filename="documento.pdf"');
  });
});

describe("pdfResponse", () => {
  it("sends the private, no-sniff PDF headers", () => {
    const res = pdfResponse(new Uint8Array([37, 80, 68, 70]), { fileName: "x.pdf", download: true, sha256: "ab" });
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(res.headers.get("content-length")).toBe("4");
  });
});

describe("staff form envelopes", () => {
  it("maps the flat guidance fields to the workflow's nested input", () => {
    const form = ZCaseActionForm.parse({
      caseId: "c1",
      expectedVersion: "3",
      action: "reject_with_guidance",
      reason: "No aparece en los registros",
      "supervision.name": "Supervisión 01-01",
      "supervision.phone": "2222-0000",
      "supervision.address": "Zona 1",
    });
    expect(form.expectedVersion).toBe(3);
    expect(transitionInputOf(form)).toEqual({
      reason: "No aparece en los registros",
      supervision: { name: "Supervisión 01-01", phone: "2222-0000", address: "Zona 1" },
    });
    expect(transitionInputOf(ZCaseActionForm.parse({ caseId: "c1", expectedVersion: 0, action: "return", reason: "x" }))).toEqual({ reason: "x" });
  });

  it("refuses a missing version or a made-up action name", () => {
    expect(ZCaseActionForm.safeParse({ caseId: "c1", action: "return" }).success).toBe(false);
    expect(ZCaseActionForm.safeParse({ caseId: "c1", expectedVersion: 1, action: "DROP TABLE" }).success).toBe(false);
  });

  it("browser signing: prepare takes the certificate chain as base64 DER (1 to 10, each bounded) and has no field for a .p12 or a passphrase", () => {
    const der = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    const b64 = Buffer.from(der).toString("base64");
    const ok = ZPrepareSigningForm.safeParse({ caseId: "c1", expectedVersion: "2", certificates: [b64, b64] });
    expect(ok.success).toBe(true);
    expect(ok.data!.expectedVersion).toBe(2);
    expect(ok.data!.certificates.map((c) => Array.from(c))).toEqual([Array.from(der), Array.from(der)]);
    // Whatever else a request carries is dropped by the schema: nothing named like a key reaches the handler.
    const extra = ZPrepareSigningForm.safeParse({ caseId: "c1", expectedVersion: 2, certificates: [b64], pkcs12: "AAAA", passphrase: "secreta" });
    expect(Object.keys(extra.data!).sort()).toEqual(["caseId", "certificates", "expectedVersion"]);

    const paths = (input: unknown) => ZPrepareSigningForm.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths({ caseId: "c1", expectedVersion: 2, certificates: [] })).toEqual(["certificates"]);
    expect(paths({ caseId: "c1", expectedVersion: 2, certificates: Array(11).fill(b64) })).toEqual(["certificates"]);
    expect(paths({ caseId: "c1", expectedVersion: 2, certificates: ["no es base64!"] })).toContain("certificates.0");
    expect(paths({ caseId: "c1", expectedVersion: 2, certificates: ["QUJD="] })).toContain("certificates.0");
    const tooBig = Buffer.alloc(CERTIFICATE_DER_MAX_BYTES + 3).toString("base64");
    expect(paths({ caseId: "c1", expectedVersion: 2, certificates: [tooBig] })).toContain("certificates.0");
  });

  it("browser signing: complete takes the prepared signing's id and a bounded base64 signature value", () => {
    const value = Buffer.alloc(256, 7).toString("base64");
    const ok = ZCompleteSigningForm.safeParse({ preparedSigningId: "p1", signatureValue: value });
    expect(ok.success).toBe(true);
    expect(ok.data!.signatureValue).toHaveLength(256);
    expect(ZCompleteSigningForm.safeParse({ preparedSigningId: "", signatureValue: value }).success).toBe(false);
    expect(ZCompleteSigningForm.safeParse({ preparedSigningId: "p1", signatureValue: Buffer.alloc(SIGNATURE_VALUE_MAX_BYTES + 3).toString("base64") }).success).toBe(false);
  });
});

describe("queue filters from the URL", () => {
  const allowed = { states: ["DIDEDUC_REVIEW", "ISSUED"], procedures: ["EDUCATIONAL_RECORD"] };
  it("keeps only known values and a sane page", () => {
    expect(parseQueueFilters({ estado: "ISSUED", tramite: "EDUCATIONAL_RECORD", q: "  EE-2026 ", pagina: "3" }, allowed)).toEqual({
      state: "ISSUED",
      procedure: "EDUCATIONAL_RECORD",
      dideduc: "",
      q: "EE-2026",
      page: 3,
    });
    expect(parseQueueFilters({ estado: "HACKED", tramite: ["X", "Y"], dideduc: "d9", pagina: "-2" }, allowed)).toEqual({
      state: "",
      procedure: "",
      dideduc: "",
      q: "",
      page: 1,
    });
  });

  it('opens on "Requiere mi acción" (no state); "todos" is every state; a DIDEDUC only when the queue offers that filter', () => {
    expect(parseQueueFilters({}, allowed).state).toBe("");
    expect(parseQueueFilters({ estado: "todos" }, allowed).state).toBe("todos");
    expect(parseQueueFilters({ dideduc: "d1" }, { ...allowed, dideducs: ["d1", "d2"] }).dideduc).toBe("d1");
    expect(parseQueueFilters({ dideduc: "d1" }, allowed).dideduc).toBe("");
  });
});

describe("forms read from the workflow definition", () => {
  it("gives each D.1.1 staff transition its form", () => {
    const kinds = Object.fromEntries(getDefinition("EDUCATIONAL_RECORD").transitions.map((t) => [`${t.action}@${t.from.join(",")}`, formKindOf(describeCaseAction(t))]));
    expect(kinds).toMatchObject({
      "reject_for_correction@DIDEDUC_REVIEW": "reason",
      "reject_with_guidance@DIDEDUC_REVIEW": "guidance",
      "generate_certification@DIDEDUC_REVIEW": "generate",
      "sign@DIDEDUC_SIGNATURE": "sign",
      "return@DIDEDUC_SIGNATURE": "reason",
      "reject_definitively@DIDEDUC_SIGNATURE": "reason",
      "return@CENTRAL_REVIEW": "reason",
      "sign_and_issue@CENTRAL_REVIEW": "sign",
      "revoke@ISSUED": "revoke",
    });
  });
});
