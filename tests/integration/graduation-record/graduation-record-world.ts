import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import type { DocumentSigner } from "@/lib/signing/signer";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { handleUploadRequest, type TUploadResponseBody } from "@/lib/uploads/handle-upload-request";
import { DEMO_CERTIFICATES, demoPkcs12Path } from "@/prisma/seed/demo-accounts";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices } from "@/tests/helpers/world-pki-services";

// The seed's world (demo accounts, demo PKI with the archive officer's certificate registered as
// an ARCHIVE signer) on a fresh PostgreSQL database, with storage, and the D.1.2 steps the tests
// share: a draft, an upload through the real HTTP handler.

async function createTestDatabaseWhenTemplateIsFree(): Promise<TTestDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createTestDatabase();
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export const GRADUATION_FORM = {
  student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101", birthDate: "1970-02-11" },
  record: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 1988 },
  // As printed on the archive's record (and as the registry has it, bar accents and case).
  archiveOfficer: { name: "marta julia estrada castillo", post: "Encargada del Archivo Documental" },
  contactPhone: "4478-2106",
};

export async function createGraduationRecordWorld() {
  const tdb = await createTestDatabaseWhenTemplateIsFree();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-d12-"));
  const pkiDir = path.join(root, "pki");
  const storage = new LocalDiskStorage(path.join(root, "files"));
  const pkiServices = await startWorldPkiServices(pkiDir, { copyOfSharedDemoPki: true });
  const seeded = await seedDatabase(tdb.prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl });
  const trustedRoots = [Buffer.from(seeded.pki.rootPem)];
  const db = tdb.prisma;

  async function actor(emailLocal: string) {
    const u = await db.user.findUniqueOrThrow({ where: { email: `${emailLocal}@demo.certifica.gt` } });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
  }
  const actors = {
    citizen: await actor("ciudadano"),
    otherCitizen: await actor("ciudadana"),
    assistant: await actor("asistente.central"),
    coordinator: await actor("coordinadora.central"),
    reviewer: await actor("revisora.guatemala-norte"),
  };
  const uploadOptions = { db, storage, tmpDir: path.join(root, "tmp") };

  function p12(key: string): { pkcs12: Buffer; passphrase: string } {
    const def = DEMO_CERTIFICATES.find((c) => c.key === key)!;
    return { pkcs12: fs.readFileSync(demoPkcs12Path(key, pkiDir)), passphrase: def.passphrase };
  }
  // The demo certificate's key held in this process, playing the browser's part (signCaseWithSigner).
  function signer(key: string): DocumentSigner {
    const { pkcs12, passphrase } = p12(key);
    return openPkcs12Signer(pkcs12, passphrase);
  }

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
    pki: seeded.pki,
    actors,
    p12,
    signer,
    draft,
    upload,
    pkiServices: pkiServices.services,
    tsa: pkiServices.tsa,
    trustedRoots,
    options: { db, storage, trustedRoots, tsa: pkiServices.tsa },
    cleanup: async () => {
      await pkiServices.close();
      await tdb.drop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type TGraduationRecordWorld = Awaited<ReturnType<typeof createGraduationRecordWorld>>;
