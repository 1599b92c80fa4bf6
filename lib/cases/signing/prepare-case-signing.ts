import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { signingKeyOf } from "@/lib/signing/build-cades-signed-data";
import { defaultContentsLength, preparePdfSignature } from "@/lib/signing/prepare-pdf-signature";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { issuedByCentralOnly } from "../procedure-sheets";
import { stepFor } from "./case-signing-steps";
import { resolveCertifyDeps, resolveSigningDeps, type TCertifyOptions } from "./certify-options";
import { checkAuthorizedCertificate } from "./check-authorized-certificate";
import { precheckCertificateRevocation } from "./precheck-certificate-revocation";
import { beginCaseSigning, documentToSign } from "./sign-case-document";
import { SigningRefusal } from "./signing-refusal";

export type TPrepareCaseSigningInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  action: "sign" | "sign_and_issue";
  // The signer's certificate first, then its chain: DER, as the browser read them from its .p12.
  certificates: Uint8Array[];
  ip?: string | null;
};

export type TPreparedCaseSigning = {
  preparedSigningId: string;
  // What the browser signs: the DER SET OF the CMS signed attributes, base64.
  signedAttributes: string;
  expiresAt: Date;
  keyAlgorithm: "RSA" | "ECDSA-P256";
};

// A prepared signing can be completed within this time, once.
export const PREPARED_SIGNING_TTL_MS = 5 * 60_000;

// First half of a signature whose key stays with the signer (issue #13, decision 0017): the
// transition's checks (role, scope, version, state), the reported certificate in the registry for
// this person and office, valid today, post allowed, not revoked at its CA — then the document
// placed for signing and the signed attributes issued. For the procedures the central office issues
// alone (D.1.2, D.2.2, D.3) the document is the sheet rendered here naming the signer; the row
// keeps that sheet and its code for complete to write. Writes only the prepared PDF (storage) and
// the PreparedSigning row; no case data changes.
export async function prepareCaseSigning(input: TPrepareCaseSigningInput, options: TCertifyOptions = {}): Promise<TPreparedCaseSigning> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { tsa, trustedRoots, fetch } = resolveSigningDeps(options);
  const caseRow = await db.case.findUnique({ where: { id: input.caseId }, select: { procedure: true } });
  if (!caseRow) throw new TransitionError("NOT_FOUND");
  const step = stepFor(input.action, { centralOnly: issuedByCentralOnly(caseRow.procedure) });
  const { row, source } = await beginCaseSigning(db, input, step, { now, tsa });

  const [certificateDer, ...chainDer] = input.certificates.map((c) => Buffer.from(c));
  if (!certificateDer) throw new SigningRefusal("NOT_AUTHORIZED", "No se recibió el certificado del firmante.");
  const authorized = await checkAuthorizedCertificate(db, { certificateDer, office: step.office, dideducId: row.dideducId, userId: input.actor.id, now });
  const certificates = { certificate: certificateDer, chain: chainDer };
  await precheckCertificateRevocation(certificates, { trustedRoots, now, fetch });

  const { pdf, fields, newSheet } = await documentToSign({ db, storage }, { row, source, step, handle: authorized, now });
  const prepared = preparePdfSignature(pdf, certificates, fields, defaultContentsLength(certificates, true));
  const stored = await storage.put(prepared.prepared);
  const expiresAt = new Date(now.getTime() + PREPARED_SIGNING_TTL_MS);
  const created = await db.preparedSigning.create({
    data: {
      caseId: input.caseId,
      actorId: input.actor.id,
      action: input.action,
      expectedVersion: input.expectedVersion,
      authorizedSignerId: authorized.authorizedSigner.id,
      certFingerprint: authorized.certificate.fingerprint,
      certificatesDer: [certificateDer, ...chainDer].map((c) => c.toString("base64")),
      signedAttributes: new Uint8Array(prepared.signedAttributes),
      preparedStorageKey: stored.key,
      preparedSha256: stored.sha256,
      sourceDocumentVersionId: source?.id ?? null,
      sheetId: newSheet?.id ?? null,
      sheetData: newSheet ? (newSheet.data as Prisma.InputJsonValue) : undefined,
      verificationCode: newSheet?.verificationCode ?? null,
      signingTime: now,
      expiresAt,
    },
  });
  const keyType = signingKeyOf(certificateDer).asymmetricKeyType;
  return {
    preparedSigningId: created.id,
    signedAttributes: prepared.signedAttributes.toString("base64"),
    expiresAt,
    keyAlgorithm: keyType === "rsa" ? "RSA" : "ECDSA-P256",
  };
}
