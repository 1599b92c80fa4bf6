import "server-only";
import { createHash } from "node:crypto";
import type { DocumentVersion } from "@/lib/generated/prisma/client";
import type { DocumentStage, SignerOffice } from "@/lib/generated/prisma/enums";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { signingOffices } from "@/lib/workflow/signing-offices";
import { assessPdfSignatures } from "./assess-pdf-signatures";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { findCurrentDocument } from "./signing/find-current-document";
import { loadTrustedRoots } from "./signing/load-trusted-roots";
import type { TLongTermFileSummary, TLongTermSignatureSummary } from "./summarize-long-term-validation";

// Timestamp, revocation from the embedded data, PAdES level, and whether a signature that does
// not reach the end of the file is covered by later signatures, DSS or document timestamps.
export type TSignatureReportEntry = Omit<TLongTermSignatureSummary, "problems"> & {
  index: number;
  signerName: string | null;
  fingerprint: string | null;
  // When it was signed: the time our Signature row recorded, else the time the signature claims.
  signedAt: Date | null;
  // The signed bytes are unchanged and the cryptographic signature verifies.
  intact: boolean;
  coversWholeFile: boolean;
  // The office this signature should come from in the procedure (1st: the DIDEDUC, then central).
  expectedOffice: SignerOffice;
  // A registry entry for this certificate and that office (the case's DIDEDUC) exists, not
  // revoked before the signature.
  authorized: boolean;
  // "Nombre, puesto — oficina" of the matching registry entry.
  authorizedAs: string | null;
  authorizedSignerId: string | null;
  // Registry dates and the certificate's own dates include the signing time.
  validAtSigning: boolean;
  revokedAt: Date | null;
  revokedReason: string | null;
  // The certificate chains to a configured trusted root (informative: the registry is the authority).
  chainTrusted: boolean;
  // Spanish, one line each, for what is wrong.
  problems: string[];
};

export type TSignatureReport = Omit<TLongTermFileSummary, "problems"> & {
  // Every signature intact, authorized and valid when made; the last one reaches the end of the file.
  ok: boolean;
  documentVersionId: string;
  stage: DocumentStage;
  fileSha256: string;
  // The stored bytes still hash to the SHA-256 recorded when they were stored.
  storedHashMatches: boolean;
  modifiedAfterLastSignature: boolean;
  signatures: TSignatureReportEntry[];
  problems: string[];
};

const OFFICE_LABEL: Record<SignerOffice, string> = {
  DIDEDUC: "Dirección Departamental de Educación",
  ARCHIVE: "Archivo Documental",
  CENTRAL: "Departamento de Atención al Ciudadano",
};

// The central office's automatic check of a case's document (issue #3): for each signature, who
// signed, the certificate's fingerprint, intact or not, whether it reaches the end of the file
// (or is covered by later signatures, DSS and document timestamps: issue #10), its timestamp,
// revocation status from the embedded data and PAdES level, and whether the certificate is an authorized signer of the right office (the case's DIDEDUC,
// or the central office) that was valid and not revoked when it signed. Reads only.
// Without documentVersionId: the case's current document. Returns null when there is none.
export async function buildSignatureReport(
  args: { caseId: string; documentVersionId?: string },
  options: TCertifyOptions = {},
): Promise<TSignatureReport | null> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const caseRow = await db.case.findUnique({ where: { id: args.caseId }, include: { dideduc: { select: { name: true } } } });
  if (!caseRow) return null;
  let doc: DocumentVersion | null;
  if (args.documentVersionId) {
    doc = await db.documentVersion.findFirst({ where: { id: args.documentVersionId, caseId: caseRow.id } });
  } else {
    doc = await findCurrentDocument(db, caseRow.id);
  }
  if (!doc) return null;

  const pdf = await storage.get(doc.storageKey);
  const fileSha256 = createHash("sha256").update(pdf).digest("hex");
  const validation = validatePdfSignatures(pdf, { trustedRoots: options.trustedRoots ?? loadTrustedRoots(), now });

  const fingerprints = validation.signatures.map((s) => s.certificate?.fingerprint).filter((f): f is string => Boolean(f));
  const [registry, recorded] = await Promise.all([
    db.authorizedSigner.findMany({ where: { certFingerprint: { in: fingerprints } }, include: { dideduc: { select: { name: true } } } }),
    // The signatures recorded on this document's own sheet: a sheet signed again after a return to
    // the signer (or an older sheet) has other rows with the same certificate. A superseded version
    // (read by id) is read with the signatures of its time.
    db.signature.findMany({
      where: {
        caseId: caseRow.id,
        certFingerprint: { in: fingerprints },
        ...(doc.sheetId ? { documentVersion: { sheetId: doc.sheetId, ...(doc.supersededAt ? { createdAt: { lte: doc.createdAt } } : { supersededAt: null }) } } : {}),
      },
      orderBy: { signedAt: "asc" },
    }),
  ]);

  const offices = signingOffices(caseRow.procedure);
  // A procedure without a signing transition has no certification; read any signature as central.
  const expected: SignerOffice[] = offices.length > 0 ? offices : ["CENTRAL"];
  const { report } = assessPdfSignatures({
    validation,
    fileSha256,
    storedSha256: doc.sha256,
    registry,
    expectedOfficeOf: (index) => expected[Math.min(index - 1, expected.length - 1)],
    officeNameOf: (office) =>
      office === "DIDEDUC" ? `Dirección Departamental de Educación de ${caseRow.dideduc?.name ?? "la solicitud"}` : OFFICE_LABEL[office],
    dideducId: caseRow.dideducId,
    recordedSignedAt: (fingerprint) => recorded.find((r) => r.certFingerprint === fingerprint)?.signedAt,
    now,
    wording: {
      lastNotCovering: "La última firma no llega al final del archivo: se agregó contenido después de firmar.",
      registeredElsewhere: (other, officeName) =>
        `El certificado está registrado para otra oficina (${other.office === "DIDEDUC" ? `Dirección Departamental de Educación de ${other.dideduc?.name ?? "otra DIDEDUC"}` : OFFICE_LABEL[other.office]}), no para ${officeName}.`,
      notRegistered: (officeName) => `El certificado no está en el registro de firmantes autorizados de ${officeName}.`,
      file: "El documento",
      hashRecorded: "al guardarlo",
      lastSignature: "la última firma",
    },
  });
  const { signatures } = report;
  const ok =
    report.storedHashMatches &&
    signatures.length > 0 &&
    !validation.modifiedAfterLastSignature &&
    // With the three checks above, the file's problems can only be its long-term validation's.
    report.problems.length === 0 &&
    // Revoked before its trusted time, per the revocation data the file carries.
    validation.signatures.every((s) => s.revocation.status !== "revoked" || s.valid) &&
    signatures.every((s) => s.intact && s.authorized && s.validAtSigning && !s.modifiedAfterSigning && (s.timestamp?.valid ?? true)) &&
    (signatures[signatures.length - 1].coversWholeFile || signatures[signatures.length - 1].coveredByLaterUpdates);

  return {
    ok,
    documentVersionId: doc.id,
    stage: doc.stage,
    ...report,
  };
}
