import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrefixedTextField } from "@/components/admin/prefixed-text-field";
import { RoleCheckboxes } from "@/components/admin/role-checkboxes";
import { SelectField } from "@/components/admin/select-field";
import { CertificateFileField } from "@/components/ui/certificate-file-field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FieldErrors } from "@/components/ui/field-errors";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/staff/textarea-field";
import { InputField } from "@/app/ciudadano/solicitudes/_components/fields";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";

// components/ui/field-errors.tsx is the one error paragraph of every field: "<id>-error", each
// message read out after "Error:". The fields that use it must still point at that id, and only
// while there is an error (a describedby naming a missing element is read as nothing, silently).
const render = <P extends object>(component: FunctionComponent<P>, props: P) => renderToStaticMarkup(createElement(component, props));

// The paragraph with that id, and the text a screen reader gets from it.
function errorParagraph(html: string, id: string): string | null {
  const match = html.match(new RegExp(`<p id="${id}"[^>]*>(.*?)</p>`));
  return match ? match[1].replace(/<[^>]+>/g, "") : null;
}

// The attributes of the element with that id (input, select, textarea or fieldset).
function element(html: string, id: string): string {
  return html.match(new RegExp(`<(?:input|select|textarea|fieldset)[^>]*\\bid="${id}"[^>]*>`))![0];
}

describe("FieldErrors", () => {
  it("renders each message after a screen-reader-only «Error:», under the field's id", () => {
    const html = render(FieldErrors, { id: "note", errors: ["Indique el motivo.", "Máximo 500 caracteres."] });
    expect(html).toMatch(/^<p id="note-error" class="text-sm font-semibold text-red-800">/);
    expect(html.match(/<span class="sr-only">Error: <\/span>/g)).toHaveLength(2);
    expect(errorParagraph(html, "note-error")).toBe("Error: Indique el motivo.Error: Máximo 500 caracteres.");
  });

  it("renders nothing without a message", () => {
    expect(render(FieldErrors, { id: "note" })).toBe("");
    expect(render(FieldErrors, { id: "note", errors: null })).toBe("");
    expect(render(FieldErrors, { id: "note", errors: [] })).toBe("");
  });
});

describe("fields built on FieldErrors", () => {
  const cases: Array<{ name: string; id: string; describedBy: RegExp; html: (errors?: string[]) => string }> = [
    {
      name: "TextField",
      id: "phone",
      describedBy: /^phone-hint phone-error$/,
      html: (errors) => render(TextField, { name: "phone", label: "Teléfono", hint: "8 dígitos.", optional: true, errors }),
    },
    {
      name: "TextareaField (its own id)",
      id: "reject-reason",
      describedBy: /^reject-reason-error$/,
      html: (errors) => render(TextareaField, { name: "reason", id: "reject-reason", label: "Motivo", errors }),
    },
    {
      name: "InputField (the request editor's)",
      id: "f-name",
      describedBy: /^f-name-hint f-name-error$/,
      html: (errors) => render(InputField, { id: "f-name", label: "Nombre", hint: "Como en su DPI.", value: "", onValue: () => {}, errors }),
    },
    {
      name: "SelectField",
      id: "dideducId",
      describedBy: /^dideducId-hint dideducId-error$/,
      html: (errors) => render(SelectField, { name: "dideducId", label: "Dirección", hint: "La suya.", options: [{ value: "a", label: "A" }], errors }),
    },
    {
      name: "CheckboxField",
      id: "accept",
      describedBy: /^accept-error$/,
      html: (errors) => render(CheckboxField, { name: "accept", label: "Acepto", errors }),
    },
    {
      name: "PrefixedTextField",
      id: "row1-name",
      describedBy: /^row1-name-error$/,
      html: (errors) => render(PrefixedTextField, { prefix: "row1", name: "name", label: "Nombre", errors }),
    },
    {
      name: "RoleCheckboxes (the fieldset)",
      id: "roles",
      describedBy: /^roles-error$/,
      html: (errors) => render(RoleCheckboxes, { checked: () => false, errors }),
    },
    {
      name: "CertificateFileField",
      id: "certificate",
      describedBy: /^certificate-hint certificate-error$/,
      html: (errors) => render(CertificateFileField, { label: "Certificado", hint: "Archivo .cer", errors }),
    },
    {
      name: "VerificationCodeForm",
      id: "codigo",
      describedBy: /^codigo-hint codigo-error$/,
      html: (errors) => render(VerificationCodeForm, { locale: "es", error: errors?.[0] }),
    },
  ];

  for (const c of cases) {
    it(`${c.name}: the field names its error paragraph, and is invalid, only while there is an error`, () => {
      const html = c.html(["Elija una opción."]);
      const field = element(html, c.id);
      const describedBy = field.match(/aria-describedby="([^"]*)"/)?.[1] ?? "";
      expect(describedBy).toMatch(c.describedBy);
      expect(errorParagraph(html, `${c.id}-error`)).toBe("Error: Elija una opción.");
      // The fieldset of the roles is not itself invalid: its checkboxes are each valid choices.
      if (!field.startsWith("<fieldset")) expect(field).toContain('aria-invalid="true"');

      const clean = c.html(undefined);
      expect(clean).not.toContain(`${c.id}-error`);
      expect(element(clean, c.id)).not.toContain("aria-invalid");
    });
  }
});
