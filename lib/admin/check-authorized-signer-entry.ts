import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DideducSignerPost, GrammaticalGender, SignerOffice } from "@/lib/generated/prisma/enums";
import { dideducSignerPostTitle, dideducTypeRefusal, isDideducSignerPostAllowed } from "@/lib/registry/dideduc-signer-posts";
import { invalidInput } from "./admin-options";
import type { TSignerCertificate } from "./read-signer-certificate";

// A registry entry as asked for: by the administrator's form, or by a DIDEDUC's change request.
export type TAuthorizedSignerEntry = {
  office: SignerOffice;
  dideducId?: string | null;
  // DIDEDUC entries: the post (allowed for the DIDEDUC's type) and its grammatical form.
  signerPost?: DideducSignerPost | null;
  gender?: GrammaticalGender | null;
  // ARCHIVE and CENTRAL entries: the post as free text.
  post?: string | null;
  name?: string | null;
  userId?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  certificate: TSignerCertificate;
};

// What is stored once the entry passed its checks.
export type TCheckedSignerEntry = {
  office: SignerOffice;
  dideducId: string | null;
  signerPost: DideducSignerPost | null;
  gender: GrammaticalGender | null;
  post: string;
  name: string;
  userId: string | null;
  validFrom: Date;
  validTo: Date;
  certificate: TSignerCertificate;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

// Every rule an entry of the registry of authorized signers must meet (Nota 3), as field errors
// (INVALID_INPUT): the DIDEDUC exists and its type allows the post ("Director o Subdirector (Jefe
// para las tipo A y B)", decision 0014), validity within the certificate's and not over, the
// linked account active and of that DIDEDUC. Reads only; runs again when the entry is written.
export async function checkAuthorizedSignerEntry(
  db: PrismaClient | Prisma.TransactionClient,
  entry: TAuthorizedSignerEntry,
  now: Date,
): Promise<TCheckedSignerEntry> {
  const { info } = entry.certificate;
  const errors: Record<string, string[]> = {};
  const isDideduc = entry.office === "DIDEDUC";
  const dideducId = isDideduc ? (entry.dideducId ?? null) : null;
  let post = entry.post?.trim() ?? "";

  if (isDideduc) {
    const dideduc = dideducId ? await db.dideduc.findUnique({ where: { id: dideducId }, select: { type: true } }) : null;
    if (!dideducId) errors.dideducId = ["Elija la Dirección Departamental del firmante."];
    else if (!dideduc) errors.dideducId = ["Esa Dirección Departamental no existe."];
    if (!entry.signerPost) errors.signerPost = ["Elija el puesto del firmante."];
    else if (dideduc && !isDideducSignerPostAllowed(dideduc.type, entry.signerPost)) errors.signerPost = [dideducTypeRefusal(dideduc.type, entry.signerPost)];
    if (!entry.gender) errors.gender = ["Indique cómo se nombra el puesto de esta persona (por ejemplo, Directora o Director)."];
    if (entry.signerPost) post = dideducSignerPostTitle(entry.signerPost, entry.gender);
  } else if (post.length < 2) {
    errors.post = ["Escriba el puesto del firmante."];
  }

  const validFrom = entry.validFrom ?? info.validFrom;
  const validTo = entry.validTo ?? info.validTo;
  if (validFrom.getTime() < info.validFrom.getTime()) errors.validFrom = [`El certificado solo es válido desde el ${day(info.validFrom)}.`];
  if (validTo.getTime() > info.validTo.getTime()) errors.validTo = [`El certificado vence el ${day(info.validTo)}: no puede registrarse más allá.`];
  if (!errors.validTo && validTo.getTime() <= validFrom.getTime()) errors.validTo = ["La fecha final debe ser posterior a la inicial."];
  if (!errors.validTo && validTo.getTime() <= now.getTime()) errors.validTo = ["El certificado ya venció: no tiene sentido registrarlo."];
  if (entry.userId) {
    const user = await db.user.findUnique({ where: { id: entry.userId }, select: { active: true, dideducId: true } });
    if (!user || !user.active) errors.userId = ["Esa cuenta no existe o está desactivada."];
    else if (dideducId && user.dideducId !== dideducId) errors.userId = ["Esa cuenta no pertenece a la Dirección Departamental elegida."];
  }
  if (Object.keys(errors).length > 0) throw invalidInput(errors);

  return {
    office: entry.office,
    dideducId,
    signerPost: isDideduc ? entry.signerPost! : null,
    gender: isDideduc ? entry.gender! : null,
    post,
    name: entry.name?.trim() || info.subjectCommonName || info.subject,
    userId: entry.userId ?? null,
    validFrom,
    validTo,
    certificate: entry.certificate,
  };
}
