import "server-only";
import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { DomainError } from "@/lib/errors";
import { readCertificate } from "@/lib/pki/read-certificate";
import { fingerprintCertificate } from "@/lib/pki/fingerprint-certificate";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZOptionalDate = z.preprocess(blank, z.coerce.date({ error: "Escriba una fecha válida." }).optional());

export const ZRegisterAuthorizedSigner = z.object({
  office: z.enum(["DIDEDUC", "ARCHIVE", "CENTRAL"], { error: "Elija la oficina." }),
  dideducId: z.preprocess(blank, z.string().trim().max(100).optional()),
  post: safeText({ error: "Escriba el puesto del firmante." }).trim().min(2, { error: "Escriba el puesto del firmante." }).max(150, { error: "El puesto no puede tener más de 150 caracteres." }),
  name: z.preprocess(blank, safeText().trim().max(150, { error: "El nombre no puede tener más de 150 caracteres." }).optional()),
  userId: z.preprocess(blank, z.string().trim().max(100).optional()),
  validFrom: ZOptionalDate,
  validTo: ZOptionalDate,
  fileName: z.string().max(255).default(""),
  certificate: z.instanceof(Uint8Array, { error: "Elija el archivo del certificado (.pem, .cer o .crt)." }),
});
export type TRegisterAuthorizedSigner = z.input<typeof ZRegisterAuthorizedSigner>;

export const MAX_CERTIFICATE_BYTES = 64 * 1024;
export const PRIVATE_KEY_MESSAGE =
  "Este archivo contiene una clave privada (PKCS#12 / .p12 / .pfx / .key). El registro solo recibe el certificado público (.pem, .cer o .crt): nunca suba la clave privada de un firmante.";
export const NOT_A_CERTIFICATE_MESSAGE = "El archivo no es un certificado X.509 válido. Suba el certificado público en formato PEM o DER (.pem, .cer o .crt).";
export const DUPLICATE_SIGNER_MESSAGE = "Este certificado ya está registrado para esa oficina.";

// A PKCS#12 is a DER SEQUENCE whose first element is INTEGER 3; a certificate's first element is a SEQUENCE.
function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  let i = 1;
  const len = bytes[i++];
  if (len & 0x80) i += len & 0x7f;
  return bytes[i] === 0x02 && bytes[i + 1] === 0x01 && bytes[i + 2] === 0x03;
}

function refusePrivateKeys(fileName: string, bytes: Uint8Array): void {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, MAX_CERTIFICATE_BYTES))).toString("latin1");
  if (/\.(p12|pfx|key)$/i.test(fileName) || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || looksLikePkcs12(bytes)) {
    throw invalidInput({ certificate: [PRIVATE_KEY_MESSAGE] });
  }
}

// Nota 3: the registry of authorized signers (name, post, office, certificate). Validity comes
// from the certificate; the administrator may only narrow it.
export async function registerAuthorizedSigner(actor: TAdminActor, input: TRegisterAuthorizedSigner, options: TAdminOptions = {}): Promise<{ id: string; fingerprint: string }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZRegisterAuthorizedSigner, input);
  if (data.certificate.length === 0) throw invalidInput({ certificate: ["Elija el archivo del certificado (.pem, .cer o .crt)."] });
  if (data.certificate.length > MAX_CERTIFICATE_BYTES) throw invalidInput({ certificate: ["El archivo es demasiado grande para ser un certificado (máximo 64 KB)."] });
  refusePrivateKeys(data.fileName, data.certificate);

  let info: ReturnType<typeof readCertificate>;
  try {
    const bytes = Buffer.from(data.certificate);
    const text = bytes.toString("utf8");
    info = readCertificate(text.includes("-----BEGIN CERTIFICATE-----") ? text : bytes);
  } catch {
    throw invalidInput({ certificate: [NOT_A_CERTIFICATE_MESSAGE] });
  }
  if (info.isCa) throw invalidInput({ certificate: ["Es el certificado de una autoridad certificadora, no el de una persona firmante."] });
  const fingerprint = fingerprintCertificate(info.der);

  const errors: Record<string, string[]> = {};
  const dideducId = data.office === "DIDEDUC" ? data.dideducId : undefined;
  if (data.office === "DIDEDUC" && !dideducId) errors.dideducId = ["Elija la Dirección Departamental del firmante."];
  if (dideducId && !(await db.dideduc.findUnique({ where: { id: dideducId }, select: { id: true } }))) errors.dideducId = ["Esa Dirección Departamental no existe."];
  const validFrom = data.validFrom ?? info.validFrom;
  const validTo = data.validTo ?? info.validTo;
  if (validFrom.getTime() < info.validFrom.getTime()) errors.validFrom = [`El certificado solo es válido desde el ${info.validFrom.toISOString().slice(0, 10)}.`];
  if (validTo.getTime() > info.validTo.getTime()) errors.validTo = [`El certificado vence el ${info.validTo.toISOString().slice(0, 10)}: no puede registrarse más allá.`];
  if (!errors.validTo && validTo.getTime() <= validFrom.getTime()) errors.validTo = ["La fecha final debe ser posterior a la inicial."];
  if (!errors.validTo && validTo.getTime() <= now.getTime()) errors.validTo = ["El certificado ya venció: no tiene sentido registrarlo."];
  if (data.userId) {
    const user = await db.user.findUnique({ where: { id: data.userId }, select: { active: true, dideducId: true } });
    if (!user || !user.active) errors.userId = ["Esa cuenta no existe o está desactivada."];
    else if (dideducId && user.dideducId !== dideducId) errors.userId = ["Esa cuenta no pertenece a la Dirección Departamental elegida."];
  }
  if (Object.keys(errors).length > 0) throw invalidInput(errors);

  const name = data.name ?? info.subjectCommonName ?? info.subject;
  return db.$transaction(async (tx) => {
    const existing = await tx.authorizedSigner.findFirst({ where: { certFingerprint: fingerprint, office: data.office, dideducId: dideducId ?? null, revokedAt: null } });
    if (existing) throw new DomainError("DUPLICATE_SIGNER", DUPLICATE_SIGNER_MESSAGE, { certificate: [`${DUPLICATE_SIGNER_MESSAGE} (${existing.name}).`] });
    const entry = await tx.authorizedSigner.create({
      data: {
        name,
        post: data.post,
        office: data.office,
        dideducId: dideducId ?? null,
        userId: data.userId ?? null,
        certFingerprint: fingerprint,
        certSubject: info.subject,
        certPem: info.pem,
        validFrom,
        validTo,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        caseId: null,
        actorId: actor.id,
        role: "ADMIN",
        action: "admin.register_signer",
        ip,
        data: {
          authorizedSignerId: entry.id,
          name,
          post: data.post,
          office: data.office,
          dideducId: dideducId ?? null,
          userId: data.userId ?? null,
          fingerprint,
          subject: info.subject,
          validFrom: validFrom.toISOString(),
          validTo: validTo.toISOString(),
        },
      },
    });
    return { id: entry.id, fingerprint };
  });
}
