import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { handleUploadRequest, type TUploadResponseBody } from "@/lib/uploads/handle-upload-request";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

let tdb: TTestDatabase;
let root: string;
let citizen: { id: string };
let other: { id: string };
let options: Parameters<typeof handleUploadRequest>[2];

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-upload-route-"));
  options = { db: tdb.prisma, storage: new LocalDiskStorage(path.join(root, "files")), tmpDir: path.join(root, "tmp") };
  citizen = await tdb.prisma.user.create({ data: { email: "c@example.test", name: "C", passwordHash: "x", roles: ["CITIZEN"] } });
  other = await tdb.prisma.user.create({ data: { email: "o@example.test", name: "O", passwordHash: "x", roles: ["CITIZEN"] } });
});
afterAll(async () => {
  await tdb?.drop();
  await fs.rm(root, { recursive: true, force: true });
});

// A request whose body arrives as a stream in small pieces, as a browser's fetch sends it.
function uploadRequest(bytes: Uint8Array, headers: Record<string, string>): Request {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
      offset += 16 * 1024;
    },
  });
  return new Request("http://localhost/api/uploads", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

// A body that records how much the server read of it and whether it was cancelled.
function trackedRequest(total: number, headers: Record<string, string>) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(64 * 1024).fill(0x25);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const n = Math.min(chunk.length, total - state.pulled);
      state.pulled += n;
      controller.enqueue(chunk.slice(0, n));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request("http://localhost/api/uploads", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, state };
}

async function call(req: Request, actor: { id: string } | null) {
  const res = await handleUploadRequest(req, actor, options);
  return { status: res.status, body: (await res.json()) as TUploadResponseBody };
}

describe("POST /api/uploads (handleUploadRequest)", () => {
  it("stores a PDF sent as the raw body and answers with its id, name, hash, size and pages", async () => {
    const c = await tdb.prisma.case.create({ data: { number: "EE-2026-000001", procedure: "EDUCATIONAL_RECORD", applicantId: citizen.id } });
    const pdf = await makePdf(2);
    const { status, body } = await call(
      uploadRequest(pdf, { "x-file-name": encodeURIComponent("Título año 2010 (anverso).pdf"), "x-file-kind": "SCAN", "x-case-id": c.id }),
      citizen,
    );
    expect(status).toBe(201);
    expect(body).toEqual({
      ok: true,
      file: { id: expect.any(String), name: "Título año 2010 (anverso).pdf", sha256: createHash("sha256").update(pdf).digest("hex"), size: pdf.length, pages: 2 },
    });
    const row = await tdb.prisma.uploadedFile.findUniqueOrThrow({ where: { id: (body as { file: { id: string } }).file.id } });
    expect(row).toMatchObject({ caseId: c.id, uploaderId: citizen.id, kind: "SCAN" });
  });

  it("401 without a signed-in actor, storing nothing", async () => {
    const before = await tdb.prisma.uploadedFile.count();
    const { status, body } = await call(uploadRequest(await makePdf(1), { "x-file-name": "a.pdf", "x-file-kind": "SCAN" }), null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await tdb.prisma.uploadedFile.count()).toBe(before);
  });

  it("404 for a case of another citizen", async () => {
    const theirs = await tdb.prisma.case.create({ data: { number: "EE-2026-000002", procedure: "EDUCATIONAL_RECORD", applicantId: other.id } });
    const { status, body } = await call(
      uploadRequest(await makePdf(1), { "x-file-name": "a.pdf", "x-file-kind": "SCAN", "x-case-id": theirs.id }),
      citizen,
    );
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, code: "CASE_NOT_FOUND", message: "La solicitud no existe." });
  });

  it("415 with a Spanish message for an image renamed .pdf", async () => {
    const png = await QRCode.toBuffer("x", { type: "png" });
    const { status, body } = await call(uploadRequest(png, { "x-file-name": "foto.pdf", "x-file-kind": "SCAN" }), citizen);
    expect(status).toBe(415);
    expect(body).toMatchObject({ ok: false, code: "NOT_PDF" });
    expect((body as { message: string }).message).toMatch(/^El archivo es una imagen PNG, no un PDF/);
  });

  it("413 from Content-Length alone, and 400 for a missing or malformed name or kind", async () => {
    const big = await call(
      uploadRequest(new Uint8Array(10), { "x-file-name": "a.pdf", "x-file-kind": "SCAN", "content-length": String(25 * 1024 * 1024) }),
      citizen,
    );
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: "TOO_LARGE" });

    const badHeaders: Record<string, string>[] = [{ "x-file-kind": "SCAN" }, { "x-file-name": "%E0%A4%A", "x-file-kind": "SCAN" }, { "x-file-name": "a.pdf", "x-file-kind": "FOTO" }];
    for (const headers of badHeaders) {
      const r = await call(uploadRequest(await makePdf(1), headers), citizen);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
  });

  it("a signed-out upload of 20 MB gets its 401 only after the body has arrived, so a browser reads it instead of a reset", async () => {
    const size = 20 * 1000 * 1000;
    const { request, state } = trackedRequest(size, { "x-file-name": "a.pdf", "x-file-kind": "SCAN", "content-length": String(size) });
    const { status, body } = await call(request, null);
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "Su sesión terminó. Ingrese de nuevo para subir archivos." });
    expect(state.pulled).toBe(size);
    expect(state.cancelled).toBe(false);
  });

  it("so does any refusal decided before reading (here someone else's case), for a body without a length too", async () => {
    const theirs = await tdb.prisma.case.create({ data: { number: "EE-2026-000003", procedure: "EDUCATIONAL_RECORD", applicantId: other.id } });
    const { request, state } = trackedRequest(3 * 1024 * 1024, { "x-file-name": "a.pdf", "x-file-kind": "SCAN", "x-case-id": theirs.id });
    const { status, body } = await call(request, citizen);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: "CASE_NOT_FOUND" });
    expect(state.pulled).toBe(3 * 1024 * 1024);
  });

  it("but a body announced or found over the size limit is cancelled, not read to its end", async () => {
    const announced = trackedRequest(25 * 1024 * 1024, { "x-file-name": "a.pdf", "x-file-kind": "SCAN", "content-length": String(25 * 1024 * 1024) });
    expect((await call(announced.request, null)).status).toBe(401);
    expect(announced.state.pulled).toBeLessThan(1024 * 1024);
    expect(announced.state.cancelled).toBe(true);

    const unannounced = trackedRequest(25 * 1024 * 1024, { "x-file-name": "a.pdf", "x-file-kind": "SCAN" });
    expect((await call(unannounced.request, null)).status).toBe(401);
    expect(unannounced.state.pulled).toBeLessThan(21 * 1024 * 1024);
    expect(unannounced.state.cancelled).toBe(true);
  });

  it('a storage failure: "unexpected errors logged with a request id and a generic message" — one JSON line on stderr, no personal data', async () => {
    // The request id scripts/serve.mts gave the request (lib/http/assign-request-id).
    const requestId = "5f0c1d2e3a4b6c7d";
    const fileName = "Título de María José Ixcot Pérez.pdf";
    const storage = options!.storage!;
    const failing: typeof storage = Object.assign(Object.create(storage) as typeof storage, {
      put: async () => {
        throw Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" });
      },
    });
    // What lib/log.ts's pino writes for an error: process.stderr, one write per line.
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
    let res: Response;
    try {
      res = await handleUploadRequest(
        uploadRequest(await makePdf(1), { "x-file-name": encodeURIComponent(fileName), "x-file-kind": "SCAN", "x-request-id": requestId }),
        citizen,
        { ...options, storage: failing },
      );
    } finally {
      spy.mockRestore();
    }
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toBe(
      `No se pudo guardar el archivo por un error del sistema. Inténtelo de nuevo en unos minutos (referencia ${requestId}).`,
    );
    // Every line written is JSON (no plain text), and exactly one is this failure's.
    const lines = written.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const failures = lines.filter((l) => l.message === "upload failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: "error", requestId, actorId: citizen.id, error: { type: "Error", message: "EIO: i/o error, write", code: "EIO" } });
    const text = written.join("");
    for (const personal of ["María", "Ixcot", "Título de", "c@example.test"]) expect(text).not.toContain(personal);
    expect(await tdb.prisma.uploadedFile.count({ where: { originalName: fileName } })).toBe(0);
  });

  it("leaves no temp file behind after any of the above", async () => {
    const left = await fs.readdir(path.join(root, "tmp")).catch(() => []);
    expect(left).toEqual([]);
  });
});
