import path from "node:path";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { handleUploadRequest, type TUploadResponseBody } from "@/lib/uploads/handle-upload-request";
import { createSeededWorld } from "@/tests/helpers/seeded-world";

// The seed's world (demo accounts, demo PKI with the archive officer's certificate registered as
// an ARCHIVE signer) on a fresh PostgreSQL database, with storage, and the D.1.2 steps the tests
// share: a draft, an upload through the real HTTP handler.

export const GRADUATION_FORM = {
  student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101", birthDate: "1970-02-11" },
  record: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 1988 },
  // As printed on the archive's record (and as the registry has it, bar accents and case).
  archiveOfficer: { name: "marta julia estrada castillo", post: "Encargada del Archivo Documental" },
  contactPhone: "4478-2106",
};

export async function createGraduationRecordWorld() {
  const world = await createSeededWorld({ name: "d12", copyOfSharedDemoPki: true });
  const { db, storage, root, pkiDir, user: actor, p12, signer, trustedRoots, tsa } = world;

  const actors = {
    citizen: await actor("ciudadano"),
    otherCitizen: await actor("ciudadana"),
    assistant: await actor("asistente.central"),
    coordinator: await actor("coordinadora.central"),
    reviewer: await actor("revisora.guatemala-norte"),
  };
  const uploadOptions = { db, storage, tmpDir: path.join(root, "tmp") };

  async function draft(formData: Record<string, unknown> = GRADUATION_FORM) {
    return createDraftCase(actors.citizen, { procedure: "GRADUATION_RECORD", formData }, { db });
  }

  // Through the route's handler, as the browser sends it: raw body, name/kind/case in headers.
  async function upload(caseId: string, bytes: Buffer, { name = "expediente-graduacion.pdf", kind = "ARCHIVE_RECORD" } = {}) {
    const request = new Request("http://localhost/api/uploads", {
      method: "POST",
      body: new Uint8Array(bytes),
      headers: { "x-file-name": encodeURIComponent(name), "x-file-kind": kind, "x-case-id": caseId, "content-length": String(bytes.length) },
    });
    const response = await handleUploadRequest(request, actors.citizen, uploadOptions);
    return { status: response.status, body: (await response.json()) as TUploadResponseBody };
  }

  return {
    db,
    storage,
    root,
    pkiDir,
    pki: world.seeded.pki,
    actors,
    p12,
    signer,
    draft,
    upload,
    pkiServices: world.pkiServices,
    tsa,
    trustedRoots,
    options: { db, storage, trustedRoots, tsa },
    cleanup: world.cleanup,
  };
}

export type TGraduationRecordWorld = Awaited<ReturnType<typeof createGraduationRecordWorld>>;
