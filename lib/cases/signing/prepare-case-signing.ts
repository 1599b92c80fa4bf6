import "server-only";
import { DomainError } from "@/lib/errors";
import { signingKeyOf } from "@/lib/signing/build-cades-signed-data";
import { defaultContentsLength, preparePdfSignature } from "@/lib/signing/prepare-pdf-signature";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { issuedByCentralOnly } from "../procedure-sheets";
import { CENTRAL_COUNTERSIGN_STEP, DIDEDUC_SIGN_STEP } from "./case-signing-steps";
import { resolveCertifyDeps, resolveSigningDeps, type TCertifyOptions } from "./certify-options";
import { checkAuthorizedCertificate } from "./open-authorized-signer";
import { precheckCertificateRevocation } from "./precheck-signer-revocation";
import { beginCaseSigning, describeCaseSignature, readDocumentToSign } from "./sign-case-document";
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

export const stepFor = (action: TPrepareCaseSigningInput["action"]) => (action === "sign" ? DIDEDUC_SIGN_STEP : CENTRAL_COUNTERSIGN_STEP);

// First half of a signature whose key stays in the browser (issue #13, decision 0017): the same
// checks as signing with a PKCS#12 on the server — transition (role, scope, version, state), the
// reported certificate in the registry for this person and office, valid today, post allowed, not
// revoked at its CA — then the document placed for signing and the signed attributes issued.
// Writes only the prepared PDF (storage) and the PreparedSigning row; no case data changes.
export async function prepareCaseSigning(input: TPrepareCaseSigningInput, options: TCertifyOptions = {}): Promise<TPreparedCaseSigning> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { tsa, trustedRoots, fetch } = resolveSigningDeps(options);
  const step = stepFor(input.action);
  const caseRow = await db.case.findUnique({ where: { id: input.caseId }, select: { procedure: true } });
  if (caseRow && input.action === "sign_and_issue" && issuedByCentralOnly(caseRow.procedure)) {
    // The central-only issuance renders its sheet with the signer's name: not yet on this path.
    throw new DomainError("NOT_SUPPORTED", "Esta solicitud se emite todavía con el certificado cargado en el servidor.");
  }
  const { row, source } = await beginCaseSigning(db, input, step, { now, tsa });

  const [certificateDer, ...chainDer] = input.certificates.map((c) => Buffer.from(c));
  if (!certificateDer) throw new SigningRefusal("NOT_AUTHORIZED", "No se recibió el certificado del firmante.");
  const authorized = await checkAuthorizedCertificate(db, { certificateDer, office: step.office, dideducId: row.dideducId, userId: input.actor.id, now });
  const certificates = { certificate: certificateDer, chain: chainDer };
  await precheckCertificateRevocation(certificates, { trustedRoots, now, fetch });

  const pdf = await readDocumentToSign(storage, source, step, now);
  const fields = await describeCaseSignature(db, { row, source, step, handle: authorized, now });
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
      sourceDocumentVersionId: source.id,
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
