import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chosenFileText, FilePicker } from "@/components/ui/file-picker";

// The shared file picker (components/ui/file-picker.tsx): the native input stays in the page,
// focusable and named by the field's label, while what the person sees and clicks is Spanish.
describe("FilePicker", () => {
  const render = (props: Partial<Parameters<typeof FilePicker>[0]> = {}) =>
    renderToStaticMarkup(createElement(FilePicker, { id: "csv-file", labelledBy: "csv-file-label", ...props }));

  it("keeps a native file input, visually hidden but focusable, named by the field's label", () => {
    const html = render({ name: "file", accept: ".csv,text/csv", required: true, describedBy: "csv-file-hint" });
    const input = html.match(/<input[^>]*>/)![0];
    expect(input).toContain('type="file"');
    expect(input).toContain('id="csv-file"');
    expect(input).toContain('name="file"');
    expect(input).toContain('accept=".csv,text/csv"');
    expect(input).toContain("required");
    expect(input).toContain('aria-labelledby="csv-file-label"');
    expect(input).toContain('aria-describedby="csv-file-hint"');
    expect(input).toContain("sr-only");
    expect(input).not.toContain("aria-invalid");
    expect(input).not.toContain("tabindex");
    // The visible, clickable part is a label for the input, in Spanish whatever the browser's language.
    expect(html).toMatch(/<label for="csv-file"[^>]*>.*Elegir archivo<\/label>/);
    expect(html).toContain("Ningún archivo elegido");
  });

  it("marks the input invalid and links its error, and takes the screen's own button text", () => {
    const html = render({ invalid: true, describedBy: "csv-file-hint csv-file-error", buttonText: "Elegir archivo CSV", disabled: true });
    const input = html.match(/<input[^>]*>/)![0];
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="csv-file-hint csv-file-error"');
    expect(input).toContain("disabled");
    expect(html).toContain("Elegir archivo CSV");
  });

  it("shows the chosen file's name, and its size where the screen asks for it", () => {
    const file = { name: "registro-titulos.csv", size: 3 * 1024 * 1024 + 300 * 1024 };
    expect(chosenFileText(null)).toBe("Ningún archivo elegido");
    expect(chosenFileText(null, { noneChosen: "No file chosen" })).toBe("No file chosen");
    expect(chosenFileText(file)).toBe("registro-titulos.csv");
    expect(chosenFileText(file, { showSize: true })).toBe("registro-titulos.csv (3.3 MB)");
    expect(chosenFileText({ name: "a.csv", size: 2048 }, { showSize: true })).toBe("a.csv (2 KB)");
  });
});
