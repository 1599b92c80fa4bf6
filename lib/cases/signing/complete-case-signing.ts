import "server-only";
import { createHash } from "node:crypto";
import type { PreparedSigning, PrismaClient } from "@/lib/generated/prisma/client";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { verifySignedAttributes } from "@/lib/signing/build-cades-signed-data";
import { SigningError } from "@/lib/signing/signing-error";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { stepFor } from "./case-signing-steps";
import { resolveCertifyDeps, resolveSigningDeps, type TCertifyOptions } from "./certify-options";
import { completeCasePdf } from "./complete-case-pdf";
import { checkAuthorizedCertificate } from "./check-authorized-certificate";
import { withCaseRenderClaim } from "./claim-case-render";
import { precheckCertificateRevocation } from "./precheck-certificate-revocation";
import { precheckTransition } from "./precheck-transition";
import { recordCaseSignature } from "./sign-case-document";
import { SigningRefusal } from "./signing-refusal";

export type TCompleteCaseSigningInput = {
  actor: TWorkflowActor;
  preparedSigningId: string;
  // The browser's SHA-256 signature over the signed attributes prepareCaseSigning issued.
  signatureValue: Uint8Array;
  ip?: string | null;
};

const refusedPrepared = (message: string) => new SigningRefusal("PREPARED_SIGNING_INVALID", message);

// Second half of a browser signature (decision 0017). Checked before anything is requested or
// written: the prepared signing is this actor's, unused and not expired; the signature value
// verifies over exactly the stored signed attributes with the stored certificate; the case is
// still at the prepared version; the registry entry still authorizes it; the certificate is still
// not revoked at its CA. Then the signature
// timestamp (and, for the last signature, DSS and document timestamp), the project's validator
// over the result, the file stored, and ONE transaction that marks the row used (only if still
// unused) and runs transition() with the prepared version. Any refusal changes nothing.
export async function completeCaseSigning(input: TCompleteCaseSigningInput, options: TCertifyOptions = {}): Promise<{ version: number; state: string }> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { tsa, trustedRoots, fetch } = resolveSigningDeps(options);
  const row = await db.preparedSigning.findUnique({ where: { id: input.preparedSigningId } });
  if (!row || row.actorId !== input.actor.id) throw refusedPrepared("La firma preparada no existe. Vuelva a firmar.");
  if (row.usedAt) throw refusedPrepared("Esta firma preparada ya se usó. Recargue la página.");
  if (now.getTime() > row.expiresAt.getTime()) throw refusedPrepared("La firma preparada venció (5 minutos). Vuelva a firmar.");
  if (row.action !== "sign" && row.action !== "sign_and_issue") throw new Error(`PreparedSigning ${row.id}: acción desconocida ${row.action}`);
  // A central-only issuance prepared its own sheet; every other step signs an existing document.
  const step = stepFor(row.action, { centralOnly: row.sheetId !== null });

  const [certificate, ...chain] = (row.certificatesDer as string[]).map((b64) => Buffer.from(b64, "base64"));
  const signedAttributes = Buffer.from(row.signedAttributes);
  const signatureValue = Buffer.from(input.signatureValue);
  if (!verifySignedAttributes(signedAttributes, signatureValue, certificate)) {
    throw new SigningRefusal("SIGNATURE_MISMATCH", "La firma recibida no corresponde al documento preparado ni al certificado. Vuelva a firmar.");
  }
  // Early answer for a case changed since the prepare (transition() checks again under the lock).
  const { row: caseRow } = await precheckTransition(db, { caseId: row.caseId, action: row.action, actor: input.actor, expectedVersion: row.expectedVersion, now });
  // The registry again, as of now: an entry an administrator revoked (or that ended) in the minutes
  // since the prepare signs nothing, and it must still be the entry the prepare found.
  const authorized = await checkAuthorizedCertificate(db, { certificateDer: certificate, office: step.office, dideducId: caseRow.dideducId, userId: input.actor.id, now });
  if (authorized.authorizedSigner.id !== row.authorizedSignerId) {
    throw new SigningRefusal("NOT_AUTHORIZED", "El registro de firmantes autorizados cambió desde que se preparó la firma. Vuelva a firmar.");
  }
  // Two completions racing on one case (two prepared signings, two tabs): one timestamps and stores,
  // the other is refused here before the TSA round trips and the store (decision 0030).
  return withCaseRenderClaim(db, { caseId: row.caseId, expectedVersion: row.expectedVersion }, async () => {
    const certificates = { certificate, chain };
    await precheckCertificateRevocation(certificates, { trustedRoots, now, fetch });

    const prepared = await storage.get(row.preparedStorageKey);
    if (createHash("sha256").update(prepared).digest("hex") !== row.preparedSha256) {
      throw new Error(`PreparedSigning ${row.id}: el archivo preparado no corresponde a su SHA-256`);
    }
    // The last signature of the procedure (sign_and_issue) is followed by the DSS and the document
    // timestamp: the issued file is B-LTA; the DIDEDUC's stage is B-T.
    const signed = await completeCasePdf(
      { prepared, signedAttributes, signatureValue, certificates },
      { tsa, trustedRoots, now, fetch, longTerm: step.action === "sign_and_issue", caseId: row.caseId },
    );
    // The project's own validator over what will be stored: the new signature must be whole and valid.
    const report = validatePdfSignatures(signed.pdf, { trustedRoots, now });
    const last = report.signatures.at(-1);
    if (!last || !last.valid || report.modifiedAfterLastSignature) {
      throw new SigningError("SIGNER_FAILED", `La firma no superó la validación: ${last?.errors.join(" ") ?? "no se encontró"}`);
    }

    const { authorizedSigner } = authorized;
    const document = await preparedDocument(db, row);
    const updated = await recordCaseSignature(
      { db, storage, now },
      {
        input: { actor: input.actor, caseId: row.caseId, expectedVersion: row.expectedVersion, ip: input.ip },
        step,
        document,
        signed,
        certificate: authorized.certificate,
        authorizedSigner,
        alsoInTransaction: async (tx) => {
          // Once: a concurrent completion of the same row finds it used and rolls back.
          const marked = await tx.preparedSigning.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
          if (marked.count !== 1) throw new TransitionError("STALE_VERSION");
        },
      },
    );
    return { version: updated.version, state: updated.state };
  });
}

// What the prepared signing signed: an existing document version, or the central-only issuance's
// sheet (written with the signature).
async function preparedDocument(db: PrismaClient, row: PreparedSigning) {
  if (row.sheetId) {
    if (!row.verificationCode) throw new Error(`PreparedSigning ${row.id}: hoja sin código de verificación`);
    return { newSheet: { id: row.sheetId, data: row.sheetData, verificationCode: row.verificationCode } };
  }
  if (!row.sourceDocumentVersionId) throw new Error(`PreparedSigning ${row.id}: sin documento de origen`);
  return { source: await db.documentVersion.findUniqueOrThrow({ where: { id: row.sourceDocumentVersionId }, select: { id: true, sheetId: true } }) };
}
