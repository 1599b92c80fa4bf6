import "server-only";
import type { RevocationCategory, SignerOffice } from "@/lib/generated/prisma/enums";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { maskHolderName } from "@/lib/verification/mask-holder-name";
import { normalizeVerificationCode } from "@/lib/verification/normalize-verification-code";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { findCurrentDocument } from "./signing/find-current-document";

// ISSUED: signed by every office and issued. IN_PROCESS: the code is printed on a sheet that is
// still being signed. REVOKED: issued, then revoked (reason given). CANCELLED: the case was
// rejected after its sheet was generated, so no valid document carries this code.
export type TVerificationStatus = "ISSUED" | "IN_PROCESS" | "REVOKED" | "CANCELLED";

export type TVerificationSigner = {
  name: string;
  post: string | null;
  office: string;
  officeKind: SignerOffice | null;
  signedAt: Date;
  // The trusted time of the signature (its RFC 3161 timestamp) and the authority that gave it;
  // null for documents signed before timestamps (issue #10).
  timestampedAt: Date | null;
  timestampAuthority: string | null;
};

export type TVerification = {
  caseId: string;
  code: string;
  caseNumber: string;
  procedure: Procedure;
  // e.g. "Certificación electrónica de expediente educativo".
  documentType: string;
  issuingOffices: string[];
  // The holder's name partly masked ("María J*** L****").
  holderName: string | null;
  status: TVerificationStatus;
  issuedAt: Date | null;
  revokedAt: Date | null;
  // Public reason of a revocation; the free-text note (Case.revokedReason) is internal and never here.
  revocationCategory: RevocationCategory | null;
  // The corrected re-issue that replaced this one, once issued: its code only (its own page says
  // what it may), and the code of the certification this one corrects.
  replacedByCode: string | null;
  replacesCode: string | null;
  signers: TVerificationSigner[];
  // Of the issued file (what the "compare a file" box hashes against); null until issued.
  sha256: string | null;
  size: number | null;
  // PAdES level the issued file reached when it was issued ("B-LTA": verifiable in the long
  // term), and the time of its document timestamp; null for files issued before issue #10.
  padesLevel: string | null;
  documentTimestampedAt: Date | null;
};

// Public data behind a verification code (/verificar/[code], no login), or null for a code that
// is malformed or unknown. Tolerates the forms normalizeVerificationCode accepts. Reveals no
// more than the printed sheet does, with the holder's name masked. `caseId` is for the server's own
// use (the verification log, share links): never rendered or returned by the API.
export async function findVerification(code: string, options: TCertifyOptions = {}): Promise<TVerification | null> {
  const normalized = normalizeVerificationCode(code);
  if (!normalized) return null;
  const { db } = await resolveCertifyDeps(options);
  const c = await db.case.findUnique({
    where: { verificationCode: normalized },
    include: {
      dideduc: { select: { name: true } },
      reissueOf: { select: { verificationCode: true, issuedAt: true } },
      reissues: { where: { issuedAt: { not: null }, verificationCode: { not: null } }, select: { verificationCode: true }, orderBy: { issuedAt: "desc" }, take: 1 },
    },
  });
  if (!c) return null;

  const current = await findCurrentDocument(db, c.id);
  const sheetRow = current?.sheetId
    ? await db.certificationSheet.findUnique({ where: { id: current.sheetId } })
    : await db.certificationSheet.findFirst({ where: { caseId: c.id }, orderBy: { createdAt: "desc" } });
  const sheet = sheetRow ? ZCertificationSheetData.safeParse(sheetRow.data) : null;
  const sheetData = sheet?.success ? sheet.data : null;

  const signatures = current?.sheetId
    ? await db.signature.findMany({
        // Not the signatures of versions a return to the signer superseded: the sheet was signed again.
        where: { caseId: c.id, documentVersion: { sheetId: current.sheetId, supersededAt: null } },
        include: { authorizedSigner: { include: { dideduc: { select: { name: true } } } }, signer: { select: { name: true } } },
        orderBy: { signedAt: "asc" },
      })
    : [];
  const signers: TVerificationSigner[] = signatures.map((s) => {
    const a = s.authorizedSigner;
    const office =
      a?.office === "DIDEDUC"
        ? `Dirección Departamental de Educación de ${a.dideduc?.name ?? c.dideduc?.name ?? ""}`.trim()
        : a?.office === "ARCHIVE"
          ? "Archivo Documental del Ministerio de Educación"
          : "Departamento de Atención al Ciudadano — DISERSA";
    return {
      name: a?.name ?? s.signer.name,
      post: a?.post ?? null,
      office,
      officeKind: a?.office ?? null,
      signedAt: s.signedAt,
      timestampedAt: s.timestampedAt,
      timestampAuthority: s.timestampAuthority,
    };
  });

  let status: TVerificationStatus;
  if (c.state === "REVOKED" || c.revokedAt) status = "REVOKED";
  else if (c.state === "ISSUED") status = "ISSUED";
  else if (c.state === "REJECTED") status = "CANCELLED";
  else status = "IN_PROCESS";

  const issued = status === "ISSUED" || status === "REVOKED" ? await findCurrentDocument(db, c.id, "ISSUED") : null;
  return {
    caseId: c.id,
    code: normalized,
    caseNumber: c.number,
    procedure: c.procedure,
    documentType: sheetData?.title ?? PROCEDURE_LABELS[c.procedure],
    issuingOffices: sheetData?.issuingOffices ?? [],
    holderName: sheetData ? maskHolderName(sheetData.holder.fullName) : null,
    status,
    issuedAt: c.issuedAt,
    revokedAt: c.revokedAt,
    revocationCategory: c.revocationCategory,
    replacedByCode: c.reissues[0]?.verificationCode ?? null,
    replacesCode: c.reissueOf?.issuedAt ? c.reissueOf.verificationCode : null,
    signers,
    sha256: issued?.sha256 ?? null,
    size: issued?.size ?? null,
    padesLevel: issued?.padesLevel ?? null,
    documentTimestampedAt: issued?.documentTimestampedAt ?? null,
  };
}
