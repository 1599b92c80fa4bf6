import "server-only";
import { randomUUID } from "node:crypto";
import type { Case, Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { CENTRAL_OFFICE } from "@/lib/pdf/sheet-data";
import { generateVerificationCode } from "@/lib/verification/generate-verification-code";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { deliverNotification } from "../deliver-notification";
import { notifyApplicant } from "../notify-applicant";
import { replaceReissuedCase } from "../replace-reissued-case";
import { buildSheetSignatureAppearance } from "./build-sheet-signature-appearance";
import { resolveCertifyDeps, resolveSigningDeps, type TCertifyOptions } from "./certify-options";
import { findCurrentDocument } from "./find-current-document";
import { openAuthorizedSigner } from "./open-authorized-signer";
import { precheckSignerRevocation } from "./precheck-signer-revocation";
import { precheckTransition } from "./precheck-transition";
import { renderCaseCertification } from "./render-case-certification";
import { requireTsa } from "./require-tsa";
import { signCasePdf } from "./sign-case-pdf";
import type { TSignCaseInput } from "./sign-case-document";

// "Firmar y emitir" of the procedures the central office issues alone (D.1.2, D.2.2, D.3: no
// DIDEDUC signature, `sign_and_issue` straight from CENTRAL_REVIEW):
// 1. the transition's checks, early (role, scope, version, state);
// 2. the PKCS#12 opened and checked against the registry for the central office (SigningRefusal
//    otherwise) and its revocation status asked of its CA — before any rendering, so a refused
//    certificate costs nothing;
// 3. the verification code (kept if the case already has one), the procedure's sheet rendered with
//    the signer's name and post, merged in front of the case's files, attachments embedded;
// 4. signed once with a signature timestamp, then DSS and document timestamp (B-LTA,
//    sign-case-pdf.ts), stored by SHA-256 — before the transaction;
// 5. transition(): under the row lock, the sheet, the ISSUED document version, the Signature row,
//    the code, the revocation of the case a corrected re-issue replaces (replace-reissued-case.ts)
//    and the issuance mail (outbox) are written with the state change, or nothing is;
// 6. the mail is delivered after the commit.
export async function issueCentralCertification(input: TSignCaseInput, options: TCertifyOptions = {}): Promise<Case> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { tsa, trustedRoots, fetch } = resolveSigningDeps(options);
  const { actor, caseId, expectedVersion } = input;
  const { row } = await precheckTransition(db, { caseId, action: "sign_and_issue", actor, expectedVersion, now });
  requireTsa(tsa);
  if (await findCurrentDocument(db, caseId)) {
    throw new DomainError("DOCUMENT_EXISTS", "Esta solicitud ya tiene un documento emitido. Recargue la página.");
  }

  const handle = await openAuthorizedSigner(db, {
    pkcs12: input.pkcs12,
    passphrase: input.passphrase,
    office: "CENTRAL",
    userId: actor.id,
    now,
  });
  await precheckSignerRevocation(handle.signer, { trustedRoots, now, fetch });

  const verificationCode = row.verificationCode ?? generateVerificationCode();
  const built = await renderCaseCertification(db, storage, {
    caseRow: row,
    verificationCode,
    now,
    centralSigner: { name: handle.authorizedSigner.name, post: handle.authorizedSigner.post },
  });
  const signed = await signCasePdf(
    built.pdf,
    handle.signer,
    {
      reason: `Certificación electrónica ${row.number}: emisión por ${handle.authorizedSigner.post}, ${CENTRAL_OFFICE}`,
      location: "Ciudad de Guatemala, Guatemala",
      name: handle.authorizedSigner.name,
      signingTime: now,
      appearance: buildSheetSignatureAppearance(built.data, "CENTRAL", { name: handle.authorizedSigner.name, post: handle.authorizedSigner.post, office: CENTRAL_OFFICE }, now),
    },
    // The one signature is the last: DSS and document timestamp follow (B-LTA).
    { tsa, trustedRoots, now, fetch, longTerm: true, caseId },
  );
  const stored = await storage.put(signed.pdf);

  const sheetId = randomUUID();
  const documentVersionId = randomUUID();
  let outboxId: string | null = null;
  const updated = await transition(caseId, "sign_and_issue", actor, {}, expectedVersion, {
    db,
    ip: input.ip ?? null,
    now,
    auditData: {
      sheetId,
      documentVersionId,
      sha256: stored.sha256,
      verificationCode,
      certFingerprint: handle.certificate.fingerprint,
      authorizedSignerId: handle.authorizedSigner.id,
    },
    apply: async (tx, caseRow, ctx) => {
      // The version check already excludes a concurrent issuance; checked again because a second
      // issued document must never be recorded.
      if (await findCurrentDocument(tx, caseId)) throw new TransitionError("STALE_VERSION");
      await tx.certificationSheet.create({
        data: { id: sheetId, caseId, generatedById: actor.id, data: built.data as unknown as Prisma.InputJsonValue },
      });
      await tx.documentVersion.create({
        data: {
          id: documentVersionId,
          caseId,
          sheetId,
          stage: "ISSUED",
          sha256: stored.sha256,
          size: stored.size,
          storageKey: stored.key,
          createdById: actor.id,
          padesLevel: signed.padesLevel,
          documentTimestampedAt: signed.documentTimestampedAt,
        },
      });
      await tx.signature.create({
        data: {
          caseId,
          documentVersionId,
          signerId: actor.id,
          authorizedSignerId: handle.authorizedSigner.id,
          role: ctx.authority.role,
          certFingerprint: handle.certificate.fingerprint,
          certSubject: handle.certificate.subject,
          signedAt: now,
          timestampedAt: signed.timestamp.genTime,
          timestampAuthority: signed.timestamp.tsaName,
        },
      });
      // A corrected re-issue revokes the certification it replaces in this same commit.
      const replaces = await replaceReissuedCase(tx, caseRow, actor, { now, ip: input.ip });
      outboxId = await notifyApplicant(tx, caseRow, { type: "issued", verificationCode, replaces }, { now });
      return caseRow.verificationCode ? {} : { verificationCode };
    },
  });
  await deliverNotification(db, outboxId);
  return updated;
}
