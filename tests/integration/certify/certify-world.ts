import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatCaIndexEntry } from "@/lib/pki/format-ca-index-entry";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { DEMO_CA_INDEX } from "@/prisma/seed/ensure-demo-pki";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, type TNssDb } from "@/tests/helpers/pdfsig";
import { createSeededWorld } from "@/tests/helpers/seeded-world";
import { D11_REVIEW_CHECKLIST_KEYS, D21_REVIEW_CHECKLIST_KEYS } from "@/lib/cases/generate-certification";

// The demo world of the seed (26 DIDEDUCs, one account per role, the demo PKI and its registry
// of authorized signers, with an expired and a revoked certificate) on a fresh PostgreSQL
// database, plus a storage directory and helpers to bring a D.1.1 case to DIDEDUC_REVIEW.

export type TActorWithName = TWorkflowActor & { name: string; email: string };

export const SAMPLE_FORM = {
  modality: "ESCOLAR",
  documentKinds: ["CERTIFICADOS_ESTUDIO", "DIPLOMA", "OTROS"],
  otherDescription: "Constancia de conducta",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901", birthDate: "2001-04-17" },
  studies: [
    { level: "Primero primaria", year: 2008, institution: "Escuela Oficial Rural Mixta No. 12, Mixco" },
    { level: "Sexto primaria", year: 2013, institution: "Escuela Oficial Rural Mixta No. 12, Mixco" },
    { level: "Tercero básico", year: 2016, institution: "Instituto Nacional de Educación Básica, Mixco" },
  ],
  contactPhone: "5512-3478",
  signedBy: "DIDEDUC",
};

export async function makeScanPdf(label: string, pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`${label} - ${i % 2 === 1 ? "anverso" : "reverso"} (pagina ${i})`, { x: 72, y: 700, size: 16, font });
  }
  return Buffer.from(await doc.save());
}

export async function createCertifyWorld() {
  const world = await createSeededWorld({ name: "certify", copyOfSharedDemoPki: true });
  const { db, storage, root, pkiDir, seeded, p12, signer, trustedRoots, tsa } = world;
  const actor = (emailLocal: string): Promise<TActorWithName> => world.user(emailLocal);
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const xela = await db.dideduc.findUniqueOrThrow({ where: { code: "quetzaltenango" } });

  const actors = {
    citizen: await actor("ciudadana"),
    otherCitizen: await actor("ciudadano"),
    reviewer: await actor("revisora.guatemala-norte"),
    // No role of her own: reviews Guatemala Norte's cases through the director's delegation.
    delegate: await actor("delegado.guatemala-norte"),
    signer: await actor("firmante.guatemala-norte"),
    reviewerXela: await actor("revisora.quetzaltenango"),
    signerXela: await actor("firmante.quetzaltenango"),
    assistant: await actor("asistente.central"),
    coordinator: await actor("coordinadora.central"),
  };

  // A D.1.1 case of the demo citizen in Guatemala Norte, with two scans, submitted.
  async function caseInReview(formData: Record<string, unknown> = SAMPLE_FORM, dideducId = gn.id) {
    const draft = await createDraftCase(actors.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId, formData }, { db });
    for (const [i, name] of ["certificados.pdf", "diploma.pdf"].entries()) {
      const stored = await storage.put(await makeScanPdf(`${name} ${draft.number}`, 2 + i));
      await db.uploadedFile.create({
        data: {
          caseId: draft.id,
          uploaderId: actors.citizen.id,
          kind: "SCAN",
          originalName: name,
          sha256: stored.sha256,
          size: stored.size,
          pages: 2 + i,
          storageKey: stored.key,
        },
      });
    }
    return transition(draft.id, "submit", actors.citizen, {}, draft.version, { db });
  }

  // The demo certificate `key` revoked at the demo CA a minute ago (keyCompromise), while the
  // registry still has it valid: OCSP and the CRL now say so. Returns what puts the CA's index back.
  function revokeAtCa(key: string): () => void {
    const index = path.join(pkiDir, DEMO_CA_INDEX);
    const original = fs.readFileSync(index, "utf8");
    const certificate = seeded.pki.certificates.find((c) => c.key === key)!;
    const valid = formatCaIndexEntry(certificate.certPem);
    expect(original).toContain(valid);
    fs.writeFileSync(index, original.replace(valid, formatCaIndexEntry(certificate.certPem, { at: new Date(Date.now() - 60_000), reason: "keyCompromise" })));
    return () => fs.writeFileSync(index, original);
  }

  // Every issued PDF a test makes: exactly two signatures, each timestamped, then DSS and document
  // timestamp (PAdES B-LTA layout, tests/helpers/long-term-pdf.ts), valid for our validator, for
  // pdfsig with the demo root trusted and for qpdf; the database records the levels and times.
  let nss: TNssDb | undefined;
  async function expectIssuedPdfValid(caseId: string): Promise<Buffer> {
    const doc = await db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "ISSUED" } });
    const bytes = await storage.get(doc.storageKey);
    const file = path.join(root, `issued-${caseId}.pdf`);
    fs.writeFileSync(file, bytes);
    nss ??= createNssDb([seeded.pki.rootPem], { dir: path.join(root, "nss-world") });
    const layout = expectLongTermPdf(bytes, { rootPem: seeded.pki.rootPem, signers: 2, file, nss });
    expect(doc.padesLevel).toBe("B-LTA");
    expect(doc.documentTimestampedAt).toEqual(layout.documentTimestampedAt);
    // The signatures of the issued sheet's chain: not those of an older sheet, nor of a DIDEDUC
    // signed version a return to the signer superseded.
    const rows = await db.signature.findMany({ where: { caseId, documentVersion: { sheetId: doc.sheetId, supersededAt: null } }, orderBy: { signedAt: "asc" } });
    expect(rows.map((r) => r.timestampAuthority)).toEqual(layout.signatures.map((s) => s.tsaName));
    expect(rows.map((r) => r.timestampedAt?.getTime()).sort()).toEqual(layout.signatures.map((s) => s.timestampedAt.getTime()).sort());
    return bytes;
  }

  return {
    db,
    // The database's URL, for what runs in another process or client (npm run backup, a server in
    // tests/process, a second server instance's client).
    url: world.url,
    storage,
    expectIssuedPdfValid,
    pki: seeded.pki,
    pkiDir,
    root,
    gn,
    xela,
    actors,
    p12,
    signer,
    caseInReview,
    revokeAtCa,
    pkiServices: world.pkiServices,
    tsa,
    trustedRoots,
    options: { db, storage, trustedRoots, tsa },
    cleanup: world.cleanup,
  };
}

export type TCertifyWorld = Awaited<ReturnType<typeof createCertifyWorld>>;

// Every item of the reviewer's checklist ticked: D.1.1's ("Que los grados correspondan": gradeLevels),
// and D.2.1's, which keeps "grades" and adds the CGC stamp. Built from the lists the domain checks, so
// a new item is ticked here too (the tests that leave one out do so by name).
const allTicked = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, true>;
export const CHECKLIST = allTicked(D11_REVIEW_CHECKLIST_KEYS);
export const D21_CHECKLIST = allTicked(D21_REVIEW_CHECKLIST_KEYS);
