import "server-only";
import { loadTrustedRoots } from "@/lib/cases/signing/load-trusted-roots";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { foldText } from "./fold-text";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export type TArchiveSignatureRefusalCode =
  | "NOT_A_PDF"
  | "NOT_SIGNED"
  | "ALTERED"
  | "APPENDED"
  | "NOT_AUTHORIZED"
  | "REVOKED"
  | "NOT_VALID_AT_SIGNING";

export type TArchiveSigner = {
  authorizedSignerId: string;
  // From the registry of authorized signers.
  name: string;
  post: string;
  fingerprint: string;
  certificateSubject: string;
  // The time the signature claims (/M or the CMS signing-time).
  signedAt: Date | null;
  // Informative: the certificate chains to a configured root. The registry is the authority.
  chainTrusted: boolean;
};

export type TArchiveSignatureCheck =
  | {
      ok: true;
      signer: TArchiveSigner;
      // When the citizen typed the archive officer's name and post: do they match the registry?
      matchesTyped: { name: boolean | null; post: boolean | null };
    }
  | { ok: false; code: TArchiveSignatureRefusalCode; message: string; fingerprint: string | null; signerName: string | null };

const refuse = (code: TArchiveSignatureRefusalCode, message: string, fingerprint: string | null = null, signerName: string | null = null): TArchiveSignatureCheck => ({
  ok: false,
  code,
  message,
  fingerprint,
  signerName,
});

const ASK_ARCHIVE = "Pida al Archivo Documental que le envíe de nuevo el expediente firmado y súbalo tal como lo recibió, sin abrirlo ni guardarlo con otro programa.";

// D.1.2's check of the graduation record a citizen uploads, at upload time: the PDF must carry
// the archive's signature, unchanged since signing, covering the whole file, made with a
// certificate that the registry of authorized signers lists for the archive (office ARCHIVE),
// within that entry's dates and the certificate's own, and not revoked by then. Refusals name
// the problem in plain Spanish. Reads only; never throws on bad bytes.
export async function checkArchiveSignedPdf(
  bytes: Buffer,
  options: TRegistryOptions & { typedName?: string | null; typedPost?: string | null } = {},
): Promise<TArchiveSignatureCheck> {
  const { db, now } = await resolveRegistryDeps(options);
  const validation = validatePdfSignatures(bytes, { trustedRoots: options.trustedRoots ?? loadTrustedRoots(), now });
  if (validation.errors.includes("El archivo no es un PDF.")) return refuse("NOT_A_PDF", "El archivo no es un PDF.");
  if (validation.signatures.length === 0) {
    return refuse("NOT_SIGNED", `El PDF no tiene firma electrónica. El expediente de graduación debe ser el PDF firmado que le envió el Archivo Documental. ${ASK_ARCHIVE}`);
  }
  const last = validation.signatures[validation.signatures.length - 1];
  const fingerprint = last.certificate?.fingerprint ?? null;
  const signerName = last.certificate?.commonName ?? last.name ?? null;
  if (validation.signatures.some((s) => !(s.byteRangeOk && s.digestOk && s.signatureOk))) {
    return refuse("ALTERED", `El PDF fue modificado después de firmarse: su contenido ya no coincide con la firma del Archivo. ${ASK_ARCHIVE}`, fingerprint, signerName);
  }
  // A DSS and document timestamps after the signature (PAdES B-LT/B-LTA) are not additions.
  if (validation.modifiedAfterLastSignature || !(last.coversWholeFile || last.coveredByLaterUpdates)) {
    return refuse(
      "APPENDED",
      `Al PDF se le agregó contenido después de la firma del Archivo (la firma ya no cubre todo el archivo). ${ASK_ARCHIVE}`,
      fingerprint,
      signerName,
    );
  }
  if (!last.certificate || !fingerprint) return refuse("ALTERED", `No se pudo leer el certificado de la firma. ${ASK_ARCHIVE}`);

  const entries = await db.authorizedSigner.findMany({ where: { certFingerprint: fingerprint, office: "ARCHIVE" }, orderBy: { validFrom: "desc" } });
  const who = signerName ? `«${signerName}»` : "su titular";
  if (entries.length === 0) {
    return refuse(
      "NOT_AUTHORIZED",
      `El PDF está firmado con un certificado de ${who} que no está en el registro de firmantes autorizados del Archivo Documental. Solo se aceptan expedientes firmados por el Archivo.`,
      fingerprint,
      signerName,
    );
  }
  const at = last.signingTime ?? now;
  // A claimed time in the future is not a time the certificate could have been valid at.
  const when = at.getTime() > now.getTime() + 5 * 60_000 ? now : at;
  const t = when.getTime();
  const notRevoked = entries.filter((e) => e.revokedAt === null || e.revokedAt.getTime() > t);
  if (notRevoked.length === 0) {
    return refuse(
      "REVOKED",
      `El certificado con que se firmó el PDF (${who}) estaba revocado en el registro de firmantes autorizados cuando se firmó. ${ASK_ARCHIVE}`,
      fingerprint,
      signerName,
    );
  }
  const entry = notRevoked.find((e) => e.validFrom.getTime() <= t && t <= e.validTo.getTime());
  const certValid = last.certificate.validFrom.getTime() <= t && t <= last.certificate.validTo.getTime();
  if (!entry || !certValid) {
    return refuse(
      "NOT_VALID_AT_SIGNING",
      `El certificado con que se firmó el PDF (${who}) no estaba vigente en la fecha de la firma. ${ASK_ARCHIVE}`,
      fingerprint,
      signerName,
    );
  }
  const typedName = options.typedName?.trim();
  const typedPost = options.typedPost?.trim();
  return {
    ok: true,
    signer: {
      authorizedSignerId: entry.id,
      name: entry.name,
      post: entry.post,
      fingerprint,
      certificateSubject: entry.certSubject || last.certificate.subject,
      signedAt: last.signingTime,
      chainTrusted: last.chainTrusted,
    },
    matchesTyped: {
      name: typedName ? foldText(typedName) === foldText(entry.name) : null,
      post: typedPost ? foldText(typedPost) === foldText(entry.post) : null,
    },
  };
}
