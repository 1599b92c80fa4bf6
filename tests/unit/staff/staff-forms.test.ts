import { describe, expect, it } from "vitest";
import { contentDisposition, pdfResponse } from "@/app/api/cases/pdf-response";
import { ZCaseActionForm, ZSigningForm, transitionInputOf } from "@/components/staff/case-action-schemas";
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

  it("requires a certificate file and a passphrase to sign", () => {
    const empty = ZSigningForm.safeParse({ caseId: "c1", expectedVersion: 2, pkcs12: new File([], ""), passphrase: "" });
    expect(empty.success).toBe(false);
    const paths = empty.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["pkcs12", "passphrase"]));
    const ok = ZSigningForm.safeParse({ caseId: "c1", expectedVersion: 2, pkcs12: new File([new Uint8Array(10)], "a.p12"), passphrase: "x" });
    expect(ok.success).toBe(true);
  });
});

describe("queue filters from the URL", () => {
  const allowed = { states: ["DIDEDUC_REVIEW", "ISSUED"], procedures: ["EDUCATIONAL_RECORD"] };
  it("keeps only known values and a sane page", () => {
    expect(parseQueueFilters({ estado: "ISSUED", tramite: "EDUCATIONAL_RECORD", q: "  EE-2026 ", pagina: "3" }, allowed)).toEqual({
      state: "ISSUED",
      procedure: "EDUCATIONAL_RECORD",
      q: "EE-2026",
      page: 3,
    });
    expect(parseQueueFilters({ estado: "HACKED", tramite: ["X", "Y"], pagina: "-2" }, allowed)).toEqual({ state: "", procedure: "", q: "", page: 1 });
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
