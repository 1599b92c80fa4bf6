import "server-only";
import { createHash } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DocumentStage } from "@/lib/generated/prisma/enums";
import { expandRoles } from "@/lib/auth/roles";
import type { FileStorage } from "@/lib/storage/file-storage";
import { normalizeVerificationCode } from "@/lib/verification/normalize-verification-code";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { findCurrentDocument } from "./signing/find-current-document";

export type TCaseDocument = { bytes: Buffer; fileName: string; sha256: string; stage: DocumentStage };

type TReader = { id: string; roles: readonly Role[]; dideducId: string | null };

const CENTRAL_READERS: readonly Role[] = ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"];
const DIDEDUC_READERS: readonly Role[] = ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"];

const STAGE_SUFFIX: Record<DocumentStage, string> = {
  UNSIGNED: "sin-firmas",
  DIDEDUC_SIGNED: "firma-dideduc",
  ISSUED: "firmado",
};

function fileNameFor(caseNumber: string, stage: DocumentStage): string {
  return `certificacion-${caseNumber}-${STAGE_SUFFIX[stage]}.pdf`;
}

// The stored bytes of a document version, refused when they are not what was recorded at signing.
async function readStoredDocument(
  storage: FileStorage,
  caseNumber: string,
  doc: { id: string; storageKey: string; sha256: string; stage: DocumentStage },
): Promise<TCaseDocument> {
  const bytes = await storage.get(doc.storageKey);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== doc.sha256) throw new Error(`Documento ${doc.id}: el archivo guardado no corresponde a su SHA-256`);
  return { bytes, fileName: fileNameFor(caseNumber, doc.stage), sha256, stage: doc.stage };
}

// A case's certification PDF for someone allowed to read it, or null (missing, out of scope, or
// not yet available to them — callers answer 404 alike):
// - central office staff: every case, every stage;
// - staff of the case's DIDEDUC (reviewer, signer, or acting by an active delegation): every stage;
// - the applicant: only the issued file, once the case is ISSUED.
// Without `stage`, the current document (latest sheet, furthest stage). The bytes are checked
// against the SHA-256 recorded for them.
export async function readCaseDocument(
  { actor, caseId, stage }: { actor: TReader; caseId: string; stage?: DocumentStage },
  options: TCertifyOptions = {},
): Promise<TCaseDocument | null> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const c = await db.case.findUnique({ where: { id: caseId }, select: { id: true, number: true, state: true, applicantId: true, dideducId: true } });
  if (!c) return null;

  const roles = expandRoles(actor.roles);
  let staff = roles.some((r) => CENTRAL_READERS.includes(r));
  if (!staff && c.dideducId !== null && actor.dideducId === c.dideducId) {
    staff = roles.some((r) => DIDEDUC_READERS.includes(r)) || (await findActiveDelegations(db, actor.id, now)).some((d) => d.dideducId === c.dideducId);
  }
  const applicant = c.applicantId === actor.id;
  if (!staff && !applicant) return null;
  if (!staff) {
    if (c.state !== "ISSUED" || (stage !== undefined && stage !== "ISSUED")) return null;
    stage = "ISSUED";
  }

  const doc = await findCurrentDocument(db, c.id, stage);
  if (!doc) return null;
  return readStoredDocument(storage, c.number, doc);
}

// The issued PDF behind a verification code, for a share link's download (lib/sharing):
// only an issued case that was not revoked. Null otherwise.
export async function readIssuedDocumentByCode(code: string, options: TCertifyOptions = {}): Promise<TCaseDocument | null> {
  const normalized = normalizeVerificationCode(code);
  if (!normalized) return null;
  const { db, storage } = await resolveCertifyDeps(options);
  const c = await db.case.findUnique({ where: { verificationCode: normalized }, select: { id: true, number: true, state: true, revokedAt: true } });
  if (!c || c.state !== "ISSUED" || c.revokedAt) return null;
  const doc = await findCurrentDocument(db, c.id, "ISSUED");
  if (!doc) return null;
  return readStoredDocument(storage, c.number, doc);
}
