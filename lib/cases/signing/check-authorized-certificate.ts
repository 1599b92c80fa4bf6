import "server-only";
import type { AuthorizedSigner, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SignerOffice } from "@/lib/generated/prisma/enums";
import { dideducTypeRefusal, isDideducSignerPostAllowed } from "@/lib/registry/dideduc-signer-posts";
import { readCertificate } from "@/lib/pki/read-certificate";
import type { TCertificateInfo } from "@/lib/pki/types";
import { SigningRefusal } from "./signing-refusal";

export type TCheckAuthorizedCertificateInput = {
  // The signer's certificate (DER), as the browser read it from the signer's .p12.
  certificateDer: Uint8Array;
  // The office the signature is made for: a DIDEDUC (its id) or the central office.
  office: Extract<SignerOffice, "DIDEDUC" | "CENTRAL">;
  dideducId?: string | null;
  // The person signing; a registry entry bound to another person's account does not let them sign.
  userId: string;
  now: Date;
};

// The certificate a signature will be made with, and the registry entry that authorizes it.
export type TAuthorizedCertificate = {
  certificate: TCertificateInfo;
  authorizedSigner: AuthorizedSigner;
};

const formatDate = (d: Date) => d.toLocaleDateString("es-GT", { timeZone: "America/Guatemala", day: "numeric", month: "long", year: "numeric" });

// Checks the signer's certificate against the registry of authorized signers (Nota 3): same
// SHA-256 fingerprint, the office it signs for, not revoked, valid today both in the registry and
// in the certificate itself, post allowed. Any failure is a SigningRefusal; nothing is written.
// The server only ever sees the certificate: the key stays where the signer holds it (decision 0017).
export async function checkAuthorizedCertificate(
  db: PrismaClient | Prisma.TransactionClient,
  input: TCheckAuthorizedCertificateInput,
): Promise<TAuthorizedCertificate> {
  let certificate: TCertificateInfo;
  try {
    certificate = readCertificate(Buffer.from(input.certificateDer));
  } catch {
    throw new SigningRefusal("NOT_AUTHORIZED", "El certificado enviado no se puede leer.");
  }
  const now = input.now.getTime();

  const entries = await db.authorizedSigner.findMany({
    where: { certFingerprint: certificate.fingerprint },
    include: { dideduc: { select: { name: true, type: true } } },
    orderBy: { createdAt: "desc" },
  });
  const forOffice = entries.filter(
    (e) => e.office === input.office && (input.office !== "DIDEDUC" || (input.dideducId != null && e.dideducId === input.dideducId)),
  );
  if (forOffice.length === 0) {
    const elsewhere = entries[0];
    const where =
      input.office === "CENTRAL" ? "del Departamento de Atención al Ciudadano" : "de la Dirección Departamental de esta solicitud";
    const detail = elsewhere
      ? ` Está registrado para ${elsewhere.office === "DIDEDUC" ? `la Dirección Departamental de ${elsewhere.dideduc?.name ?? "otra DIDEDUC"}` : elsewhere.office === "CENTRAL" ? "el Departamento de Atención al Ciudadano" : "el Archivo Documental"}.`
      : "";
    throw new SigningRefusal("NOT_AUTHORIZED", `El certificado de ${certificate.subjectCommonName ?? "este firmante"} no está en el registro de firmantes autorizados ${where}.${detail}`);
  }
  const ownEntries = forOffice.filter((e) => e.userId === null || e.userId === input.userId);
  if (ownEntries.length === 0) {
    throw new SigningRefusal("NOT_AUTHORIZED", "El certificado está registrado a nombre de otra persona. Firme con su propio certificado.");
  }
  const notRevoked = ownEntries.filter((e) => e.revokedAt === null || e.revokedAt.getTime() > now);
  if (notRevoked.length === 0) {
    const revoked = ownEntries[0];
    throw new SigningRefusal(
      "REVOKED",
      `Este certificado fue revocado en el registro de firmantes autorizados el ${formatDate(revoked.revokedAt!)}${revoked.revokedReason ? ` (${revoked.revokedReason})` : ""}. Use su certificado vigente.`,
    );
  }
  const valid = notRevoked.find((e) => e.validFrom.getTime() <= now && now <= e.validTo.getTime());
  const certificateValid = certificate.validFrom.getTime() <= now && now <= certificate.validTo.getTime();
  if (!valid || !certificateValid) {
    const from = valid ? certificate.validFrom : notRevoked[0].validFrom;
    const to = valid ? certificate.validTo : notRevoked[0].validTo;
    const when = now < from.getTime() ? `es válido a partir del ${formatDate(from)}` : `venció el ${formatDate(to)}`;
    throw new SigningRefusal("NOT_VALID_TODAY", `Este certificado no está vigente hoy: ${when}. Use su certificado vigente.`);
  }
  // "Director o Subdirector (Jefe para las tipo A y B)": the entry's post must be one the DIDEDUC's
  // type allows today (decision 0014) — an entry registered before its DIDEDUC's type changed, or
  // migrated from a free-text post that named none of them, signs nothing until corrected.
  if (input.office === "DIDEDUC" && valid.dideduc && !isDideducSignerPostAllowed(valid.dideduc.type, valid.signerPost)) {
    throw new SigningRefusal(
      "POST_NOT_ALLOWED",
      `${dideducTypeRefusal(valid.dideduc.type, valid.signerPost)} El registro de firmantes dice que ${valid.name} firma como «${valid.post}»: pida a Atención al Ciudadano que corrija el registro.`,
    );
  }
  const { dideduc: _dideduc, ...authorizedSigner } = valid;
  return { certificate, authorizedSigner };
}
