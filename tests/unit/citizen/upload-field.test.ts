import { createElement, createRef } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UploadField, UploadProgress } from "@/app/ciudadano/solicitudes/_components/upload-field";
import { localPdfRefusal } from "@/app/ciudadano/solicitudes/_components/upload-pdf";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";

// app/ciudadano/solicitudes/_components/upload-field.tsx: the one markup of the citizen's upload
// fields (the scans and the Archivo's signed record). What the input names and whether it is
// invalid decide what a screen reader says when it is reached.
function html(props: Partial<Parameters<typeof UploadField>[0]>) {
  return renderToStaticMarkup(
    createElement(UploadField, {
      inputId: "f-files",
      legend: "Documentos",
      hint: "Reglas",
      picker: { inputRef: createRef<HTMLInputElement>(), text: "Agregar archivos PDF", blocked: null, onChoose: () => {} },
      announcement: "",
      refusal: null,
      progress: null,
      children: null,
      ...props,
    }),
  );
}
const input = (markup: string) => markup.match(/<input[^>]*>/)![0];

describe("UploadField", () => {
  it("the input names the hint, and the errors only while there are some", () => {
    expect(input(html({}))).toContain('aria-describedby="f-files-hint"');
    expect(input(html({}))).not.toContain("aria-invalid");
    const withErrors = html({ errors: ["Adjunte al menos un archivo."] });
    expect(input(withErrors)).toContain('aria-describedby="f-files-hint f-files-error"');
    expect(input(withErrors)).toContain('aria-invalid="true"');
    expect(withErrors).toContain('<p id="f-files-error"');
  });

  it("a refusal that describes the input is named by it and makes it invalid; one that does not, neither", () => {
    const described = html({ refusal: { describesInput: true, code: "ARCHIVE_UNSIGNED", onClose: () => {}, children: "No se adjuntó." } });
    expect(input(described)).toContain('aria-describedby="f-files-hint f-files-rechazo"');
    expect(input(described)).toContain('aria-invalid="true"');
    expect(described).toMatch(/<div role="alert" id="f-files-rechazo"[^>]*data-testid="upload-errors" data-code="ARCHIVE_UNSIGNED"/);

    const apart = html({ refusal: { onClose: () => {}, children: "a.pdf: no es un PDF." } });
    expect(input(apart)).toContain('aria-describedby="f-files-hint"');
    expect(input(apart)).not.toContain("aria-invalid");
    expect(apart).toMatch(/<div role="alert" class="[^"]*" data-testid="upload-errors">/);
    expect(apart).toContain("Cerrar este aviso");
  });

  it("a full or busy field offers no input to choose with; without a picker there is none", () => {
    expect(input(html({ picker: { inputRef: createRef(), text: "x", blocked: "full", onChoose: () => {} } }))).toContain('disabled=""');
    expect(input(html({ picker: { inputRef: createRef(), text: "x", blocked: "busy", onChoose: () => {} } }))).toContain('disabled=""');
    expect(html({ picker: null })).not.toContain("<input");
  });

  it("a file on its way says what happens after it arrives only once it has", () => {
    const half = renderToStaticMarkup(createElement(UploadProgress, { as: "li", name: "a.pdf", progress: 50, arrived: "Revisando el PDF…" }));
    expect(half).toContain('aria-label="Progreso de a.pdf"');
    expect(half).not.toContain("Revisando el PDF…");
    expect(renderToStaticMarkup(createElement(UploadProgress, { as: "div", name: "a.pdf", progress: 100, arrived: "Revisando el PDF…" }))).toContain("Revisando el PDF…");
  });
});

describe("localPdfRefusal", () => {
  const messages = { NOT_PDF: "no pdf", EMPTY: "vacío", TOO_LARGE: "grande" };
  const file = (name: string, type: string, size: number) => ({ name, type, size }) as File;
  it("refuses what is not a PDF, an empty file and one over the limit, in the field's words", () => {
    expect(localPdfRefusal(file("a.jpg", "image/jpeg", 10), messages)).toBe("no pdf");
    expect(localPdfRefusal(file("a.pdf", "", 0), messages)).toBe("vacío");
    expect(localPdfRefusal(file("a.PDF", "", MAX_UPLOAD_BYTES + 1), messages)).toBe("grande");
    expect(localPdfRefusal(file("scan", "application/pdf", MAX_UPLOAD_BYTES), messages)).toBeNull();
  });
});
