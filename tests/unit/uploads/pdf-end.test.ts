import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inspectPdf } from "@/lib/uploads/inspect-pdf";
import { UploadError } from "@/lib/uploads/upload-error";
import { appendIncrementalUpdate, makeTestPdf } from "../signing/fixtures";
import { encryptWithQpdf, makePdf, makeZip } from "./pdf-fixtures";

async function outcome(pdf: Buffer): Promise<{ pages: number } | UploadError> {
  return inspectPdf(pdf).catch((e: unknown) => {
    if (e instanceof UploadError) return e;
    throw e;
  });
}

async function expectTrailingData(pdf: Buffer) {
  const e = await outcome(pdf);
  expect(e).toBeInstanceOf(UploadError);
  expect((e as UploadError).code).toBe("TRAILING_DATA");
  expect((e as UploadError).status).toBe(422);
  // Says what is wrong, and not that the file is cut short (which it is not).
  expect((e as UploadError).message).toMatch(/^El PDF tiene datos agregados después de su final/);
  expect((e as UploadError).message).not.toMatch(/antes de tiempo|incompleto/);
}

describe("a PDF with data after its end (%%EOF)", () => {
  it("a ZIP appended (a PDF/ZIP polyglot) is refused, saying so", async () => {
    const zip = makeZip("leame.txt", randomBytes(8_000));
    await expectTrailingData(Buffer.concat([await makePdf(2), zip]));
  });

  it("even a small one, within the last kilobyte", async () => {
    await expectTrailingData(Buffer.concat([await makePdf(1), makeZip("x.txt", Buffer.from("hola"))]));
  });

  it("even when the appended ZIP itself ends in %%EOF (its comment)", async () => {
    const zip = makeZip("leame.txt", randomBytes(4_000), "\nstartxref\n0\n%%EOF\n");
    await expectTrailingData(Buffer.concat([await makePdf(1), zip]));
  });

  it("any other bytes after the end, e.g. an HTML page", async () => {
    await expectTrailingData(Buffer.concat([await makePdf(1), Buffer.from("<html><script>alert(1)</script></html>\n")]));
  });

  it("whitespace and NUL padding after %%EOF are accepted", async () => {
    const padded = Buffer.concat([await makePdf(2), Buffer.from("\r\n \t\f"), Buffer.alloc(4096)]);
    expect(await outcome(padded)).toEqual({ pages: 2 });
  });
});

describe("files whose %%EOF is not the only one stay accepted", () => {
  it("an incremental update (as every signed PDF has)", async () => {
    expect(await outcome(appendIncrementalUpdate(await makeTestPdf({ pages: 2 })))).toEqual({ pages: 2 });
  });

  it("a linearized file with a classic first-page section (two %%EOF)", async () => {
    const linearized = await encryptWithQpdf(await makePdf(3), ["--linearize", "--object-streams=disable"]);
    expect(linearized.toString("latin1").split("%%EOF").length).toBeGreaterThan(2);
    expect(await outcome(linearized)).toEqual({ pages: 3 });
  });

  it("an incremental update cut short is incomplete, not 'trailing data'", async () => {
    const updated = appendIncrementalUpdate(await makeTestPdf({ pages: 1 }));
    const cut = updated.subarray(0, updated.lastIndexOf("xref"));
    const e = await outcome(cut);
    expect(e).toBeInstanceOf(UploadError);
    expect((e as UploadError).code).toBe("DAMAGED");
    expect((e as UploadError).message).toMatch(/termina antes de tiempo/);
  });
});
