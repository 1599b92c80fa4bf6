import { describe, expect, it } from "vitest";
import { ZCaseActionForm, transitionInputOf } from "@/components/staff/case-action-schemas";
import { formKindOf } from "@/components/staff/form-kind";
import { describeCaseAction } from "@/lib/cases/describe-case-action";
import { getDefinition } from "@/lib/workflow/definitions";
import { ZRequestDocumentsInput } from "@/lib/workflow/inputs";

const office = { "obtainAt.name": "Supervisión Educativa 01-01", "obtainAt.phone": "2232-1111", "obtainAt.address": "6a. avenida 5-20, zona 1" };

describe("D.2.1 staff forms", () => {
  it("gives every D.2.1 staff transition its form, the request for documents included", () => {
    const kinds = Object.fromEntries(getDefinition("DIPLOMA_BEFORE_2005").transitions.map((t) => [`${t.action}@${t.from.join(",")}`, formKindOf(describeCaseAction(t))]));
    expect(kinds).toMatchObject({
      "reject_for_correction@DIDEDUC_REVIEW": "reason",
      "reject_with_guidance@DIDEDUC_REVIEW": "guidance",
      "reject_requesting_documents@DIDEDUC_REVIEW": "request_documents",
      "generate_certification@DIDEDUC_REVIEW": "generate",
      "sign@DIDEDUC_SIGNATURE": "sign",
      "return@CENTRAL_REVIEW": "reason",
      "sign_and_issue@CENTRAL_REVIEW": "sign",
    });
  });

  it("maps the ticked documents and the office to the workflow's input, which then validates", () => {
    const form = ZCaseActionForm.parse({
      caseId: "c1",
      expectedVersion: "4",
      action: "reject_requesting_documents",
      reason: "El título no aparece en los libros de la DIDEDUC",
      "documents.CIERRE_DE_PENSUM": "on",
      "documents.CERTIFICACION_GENERAL_DE_CURSOS": "on",
      ...office,
    });
    const input = transitionInputOf(form);
    expect(input).toEqual({
      reason: "El título no aparece en los libros de la DIDEDUC",
      documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"],
      obtainAt: { name: "Supervisión Educativa 01-01", phone: "2232-1111", address: "6a. avenida 5-20, zona 1" },
    });
    expect(ZRequestDocumentsInput.parse(input).documents).toEqual(["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"]);
  });

  it("leaves the list empty when nothing is ticked, so the engine names the missing choice next to it", () => {
    const input = transitionInputOf(ZCaseActionForm.parse({ caseId: "c1", expectedVersion: 0, action: "reject_requesting_documents", reason: "x", ...office }));
    expect(input.documents).toEqual([]);
    const refused = ZRequestDocumentsInput.safeParse(input);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["documents", "Indique qué documentos debe adjuntar el usuario."]]);
  });

  it("refuses a document value other than a ticked checkbox", () => {
    expect(ZCaseActionForm.safeParse({ caseId: "c1", expectedVersion: 0, action: "x", "documents.CIERRE_DE_PENSUM": "<script>" }).success).toBe(false);
  });

  it("does not add documents to the other plain transitions", () => {
    const form = ZCaseActionForm.parse({ caseId: "c1", expectedVersion: 0, action: "reject_for_correction", reason: "Falta el reverso" });
    expect(transitionInputOf(form)).toEqual({ reason: "Falta el reverso" });
  });
});
