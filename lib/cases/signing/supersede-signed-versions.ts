import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { findCurrentDocument } from "./find-current-document";

export type TSupersededVersions = { sheetId: string; unsignedDocumentVersionId: string; supersededDocumentVersionIds: string[] };

// "Devolver a la firma de la Dirección Departamental" (return_to_signer, D.1.1 and D.2.1): the
// central office sends the case back to the previous step, the DIDEDUC's signature. The generated
// sheet stays (same CertificationSheet, same verification code), but the DIDEDUC's signature on it no
// longer counts: its signed version is marked superseded, so the sheet's UNSIGNED version is the
// current document again and the signer signs it anew. Nothing is deleted: the superseded version,
// its file and its Signature row stay for the audit trail.
//
// Runs inside the transition's transaction (its `apply`), under the case's row lock: it commits with
// the state change or not at all.
export async function supersedeSignedVersions(tx: Prisma.TransactionClient, caseId: string, now: Date): Promise<TSupersededVersions> {
  const current = await findCurrentDocument(tx, caseId);
  if (!current?.sheetId || current.stage !== "DIDEDUC_SIGNED") {
    throw new DomainError("NO_DOCUMENT", "Esta solicitud no tiene una certificación firmada por la Dirección Departamental que devolver a su firma.");
  }
  const unsigned = await tx.documentVersion.findFirst({
    where: { caseId, sheetId: current.sheetId, stage: "UNSIGNED", supersededAt: null },
    select: { id: true },
  });
  if (!unsigned) {
    throw new DomainError("NO_DOCUMENT", "No se encontró la certificación sin firmar de esta solicitud. Devuélvala a la revisión técnica para generarla de nuevo.");
  }
  const superseded = await tx.documentVersion.findMany({
    where: { caseId, sheetId: current.sheetId, stage: { not: "UNSIGNED" }, supersededAt: null },
    select: { id: true },
  });
  const ids = superseded.map((v) => v.id);
  await tx.documentVersion.updateMany({ where: { id: { in: ids } }, data: { supersededAt: now } });
  return { sheetId: current.sheetId, unsignedDocumentVersionId: unsigned.id, supersededDocumentVersionIds: ids };
}
