import { createElement } from "react";
import { Document, Page, renderToBuffer, Text } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { sharedDefaultFont } from "@/lib/pdf/share-default-font";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { educationalRecordSheet } from "./sheet-fixtures";
import { inflatedPdf, renderSheetUnprepared, renderUnprepared, stripDates as strip } from "./unprepared-render";

// A document that prints in Helvetica, the default font itself.
const helveticaDocument = () =>
  createElement(Document, null, createElement(Page, { size: "A6" }, createElement(Text, { style: { fontFamily: "Helvetica" } }, "Helvetica AVATAR ñ"))) as Parameters<
    typeof renderToBuffer
  >[0];

describe("shareDefaultFont", () => {
  it("leaves the rendered sheet, and a document in Helvetica, unchanged (dates aside)", async () => {
    // The unprepared renders parse Helvetica as pdfkit does: none of them gets the shared metrics.
    const data = ZCertificationSheetData.parse(educationalRecordSheet(40));
    const sharedBefore = sharedDefaultFont.documents;
    const plain = await renderSheetUnprepared(data);
    const plainHelvetica = await renderUnprepared(helveticaDocument());
    expect(sharedDefaultFont.documents).toBe(sharedBefore);

    await renderCertificationSheet(data);
    const before = sharedDefaultFont.documents;
    const shared = await renderCertificationSheet(data);
    const sharedHelvetica = await renderToBuffer(helveticaDocument());
    expect(sharedDefaultFont.documents).toBe(before + 2);
    // The embedded faces keep the names pdfkit gave them after Helvetica's F1.
    expect(strip(plain)).toMatch(/\/F2 \d+ 0 R/);
    expect(inflatedPdf(shared)).toBe(inflatedPdf(plain));
    expect(strip(plainHelvetica)).toMatch(/\/BaseFont \/Helvetica/);
    expect(inflatedPdf(sharedHelvetica)).toBe(inflatedPdf(plainHelvetica));
  }, 30_000);
});
