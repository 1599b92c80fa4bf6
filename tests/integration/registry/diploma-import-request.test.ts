import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { checkDiplomaCsvFile, DIPLOMA_CSV_MESSAGES, MAX_DIPLOMA_CSV_BYTES } from "@/lib/registry/check-diploma-csv-file";
import { handleDiplomaImportRequest, type TDiplomaImportResponseBody } from "@/lib/registry/handle-diploma-import-request";
import { createRegistryWorld, type TRegistryWorld } from "./registry-world";

let w: TRegistryWorld;
let admin: TSessionUser;
const SAMPLE = fs.readFileSync(path.resolve("docs/samples/registro-titulos-ejemplo.csv"));

beforeAll(async () => {
  w = await createRegistryWorld();
  admin = { ...w.admin, delegatedRoles: [] };
});
afterAll(async () => {
  await w?.cleanup();
});

const post = (body: BodyInit | null, headers: Record<string, string> = { "x-file-name": encodeURIComponent("registro títulos.csv") }) =>
  new Request("http://localhost/admin/titulos/subir", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function json(response: Response): Promise<TDiplomaImportResponseBody> {
  return (await response.json()) as TDiplomaImportResponseBody;
}

describe("handleDiplomaImportRequest (the documented sample file)", () => {
  it("imports the sample's good rows, reports its bad ones, and is a no-op the second time", async () => {
    const first = await handleDiplomaImportRequest(post(new Blob([SAMPLE]).stream()), admin, w.options);
    expect(first.status).toBe(200);
    const body = await json(first);
    expect(body).toMatchObject({ ok: true, result: { fileName: "registro títulos.csv", rows: 14, created: 8, unchanged: 0, rejected: 6, conflicts: 1 } });
    if (!body.ok) throw new Error("unreachable");
    expect(body.result.reportUrl).toBe(`/admin/titulos/informe/${body.result.auditEventId}`);
    expect(body.result.rejectedSample.map((r) => r.line)).toEqual([8, 9, 10, 11, 14, 15]);
    expect(body.result.rejectedSample[4].reason).toMatch(/Firmado por «supervisor» no es un valor válido/);
    // The sample's firmado_por column: empty or "dideduc" → DIDEDUC, "director_regional", "Ministro".
    const signedBy = async (number: string) => (await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: number } })).signedBy;
    expect(await signedBy("D-2016-100001")).toBe("DIDEDUC");
    expect(await signedBy("D-2018-100002")).toBe("DIDEDUC");
    expect(await signedBy("D-2007-100011")).toBe("REGIONAL_DIRECTOR");
    expect(await signedBy("D-2008-100012")).toBe("MINISTER");

    const again = await json(await handleDiplomaImportRequest(post(new Blob([SAMPLE]).stream()), admin, w.options));
    expect(again).toMatchObject({ ok: true, result: { created: 0, unchanged: 8, rejected: 6 } });
  });

  it("refuses the signed-out, non-administrators, a missing file name and a non-CSV name", async () => {
    expect((await handleDiplomaImportRequest(post(SAMPLE), null, w.options)).status).toBe(401);
    const citizen = { ...(await w.user("ciudadana")), delegatedRoles: [] };
    expect(await json(await handleDiplomaImportRequest(post(SAMPLE), citizen, w.options))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await json(await handleDiplomaImportRequest(post(SAMPLE, {}), admin, w.options))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await json(await handleDiplomaImportRequest(post(SAMPLE, { "x-file-name": "titulos.xlsx" }), admin, w.options))).toMatchObject({ ok: false, code: "NOT_CSV" });
    const header = await handleDiplomaImportRequest(post("a;b\n1;2\n"), admin, w.options);
    expect(header.status).toBe(422);
    expect(await json(header)).toMatchObject({ ok: false, code: "CSV_HEADER" });
  });

  // The form shows a refusal of the file next to the file field (`fieldErrors.file`) and the rest
  // (session, role) only at its top: the same shape as the server actions' results.
  it("says which refusals are about the file, in the words the browser's own check uses", async () => {
    const notCsv = await json(await handleDiplomaImportRequest(post(SAMPLE, { "x-file-name": "titulos.xlsx" }), admin, w.options));
    expect(notCsv).toEqual({ ok: false, code: "NOT_CSV", message: "Revise el archivo elegido.", fieldErrors: { file: [DIPLOMA_CSV_MESSAGES.notCsv] } });
    expect(checkDiplomaCsvFile({ name: "titulos.xlsx", size: SAMPLE.length })).toBe(DIPLOMA_CSV_MESSAGES.notCsv);

    const noName = await json(await handleDiplomaImportRequest(post(SAMPLE, {}), admin, w.options));
    expect(noName).toEqual({ ok: false, code: "INVALID_INPUT", message: "Revise el archivo elegido.", fieldErrors: { file: [DIPLOMA_CSV_MESSAGES.missing] } });

    // Declared larger than the limit: refused before a byte is read.
    const declared = await handleDiplomaImportRequest(
      post(SAMPLE, { "x-file-name": "grande.csv", "content-length": String(MAX_DIPLOMA_CSV_BYTES + 1) }),
      admin,
      w.options,
    );
    expect(declared.status).toBe(413);
    expect(await json(declared)).toEqual({ ok: false, code: "TOO_LARGE", message: "Revise el archivo elegido.", fieldErrors: { file: [DIPLOMA_CSV_MESSAGES.tooLarge] } });

    const header = await json(await handleDiplomaImportRequest(post("a;b\n1;2\n"), admin, w.options));
    if (header.ok) throw new Error("unreachable");
    expect(header.message).toMatch(/^La primera fila del archivo debe nombrar las columnas; faltan: /);
    expect(header.fieldErrors?.file?.[0]).toMatch(/^Faltan las columnas /);

    const empty = await json(await handleDiplomaImportRequest(post(""), admin, w.options));
    expect(empty).toMatchObject({ ok: false, code: "CSV_EMPTY", fieldErrors: { file: ["El archivo está vacío."] } });

    const citizen = { ...(await w.user("ciudadana")), delegatedRoles: [] };
    const forbidden = await json(await handleDiplomaImportRequest(post(SAMPLE), citizen, w.options));
    expect(forbidden).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(forbidden).not.toHaveProperty("fieldErrors");
    expect(await json(await handleDiplomaImportRequest(post(SAMPLE), null, w.options))).not.toHaveProperty("fieldErrors");
  });
});
