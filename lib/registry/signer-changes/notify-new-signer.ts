import "server-only";
import { z } from "zod";
import { DUPLICATE_SIGNER_MESSAGE } from "@/lib/admin/add-authorized-signer";
import { parseOrThrow } from "@/lib/admin/admin-options";
import { checkAuthorizedSignerEntry } from "@/lib/admin/check-authorized-signer-entry";
import { readSignerCertificate } from "@/lib/admin/read-signer-certificate";
import { DomainError } from "@/lib/errors";
import { DIDEDUC_SIGNER_POSTS, GRAMMATICAL_GENDERS } from "@/lib/registry/dideduc-signer-posts";
import { safeText } from "@/lib/validation/safe-text";
import { assertDideducDirector, resolveSignerChangeDeps, type TSignerChangeActor, type TSignerChangeOptions } from "./signer-change-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZOptionalDate = z.preprocess(blank, z.coerce.date({ error: "Escriba una fecha válida." }).optional());

export const ZNotifyNewSigner = z.object({
  signerPost: z.preprocess(blank, z.enum(DIDEDUC_SIGNER_POSTS, { error: "Elija el puesto del firmante." }).optional()),
  gender: z.preprocess(blank, z.enum(GRAMMATICAL_GENDERS, { error: "Indique la forma del puesto." }).optional()),
  name: z.preprocess(blank, safeText().trim().max(150, { error: "El nombre no puede tener más de 150 caracteres." }).optional()),
  userId: z.preprocess(blank, z.string().trim().max(100).optional()),
  validFrom: ZOptionalDate,
  validTo: ZOptionalDate,
  note: z.preprocess(blank, safeText().trim().max(500, { error: "La nota no puede tener más de 500 caracteres." }).optional()),
  fileName: z.string().max(255).default(""),
  certificate: z.instanceof(Uint8Array, { error: "Elija el archivo del certificado (.pem, .cer o .crt)." }),
});
export type TNotifyNewSigner = z.input<typeof ZNotifyNewSigner>;

export const DUPLICATE_REQUEST_MESSAGE = "Ya hay una notificación pendiente con este certificado: espere la respuesta de Atención al Ciudadano.";

// Nota 3: "La Dirección Departamental de Educación deberá notificar al departamento de Atención al
// ciudadano … la firma y las personas encargadas de certificar los documentos con firma electrónica
// avanzada." The Director notifies a new signer of their DIDEDUC with the public certificate; the
// registry changes only when Atención al Ciudadano accepts (accept-signer-change.ts). The entry is
// checked now as it will be then (post allowed for the DIDEDUC's type, dates, account), so the
// Director hears of a mistake at once. Submissions of a DIDEDUC are serialized on its row.
export async function notifyNewSigner(actor: TSignerChangeActor, input: TNotifyNewSigner, options: TSignerChangeOptions = {}): Promise<{ id: string; fingerprint: string }> {
  const dideducId = assertDideducDirector(actor);
  const { db, now, ip } = await resolveSignerChangeDeps(options);
  const data = parseOrThrow(ZNotifyNewSigner, input);
  const certificate = readSignerCertificate(data.fileName, data.certificate);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Dideduc" WHERE id = ${dideducId} FOR UPDATE`;
    const entry = await checkAuthorizedSignerEntry(
      tx,
      {
        office: "DIDEDUC",
        dideducId,
        signerPost: data.signerPost,
        gender: data.gender,
        name: data.name,
        userId: data.userId,
        validFrom: data.validFrom,
        validTo: data.validTo,
        certificate,
      },
      now,
    );
    const { fingerprint, info } = certificate;
    const standing = await tx.authorizedSigner.findFirst({
      where: { certFingerprint: fingerprint, office: "DIDEDUC", dideducId, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      select: { name: true },
    });
    if (standing) throw new DomainError("DUPLICATE_SIGNER", DUPLICATE_SIGNER_MESSAGE, { certificate: [`${DUPLICATE_SIGNER_MESSAGE} (${standing.name}).`] });
    const pending = await tx.signerChangeRequest.findFirst({ where: { dideducId, kind: "ADD", status: "PENDING", certFingerprint: fingerprint }, select: { id: true } });
    if (pending) throw new DomainError("DUPLICATE_REQUEST", DUPLICATE_REQUEST_MESSAGE, { certificate: [DUPLICATE_REQUEST_MESSAGE] });

    const request = await tx.signerChangeRequest.create({
      data: {
        dideducId,
        requestedById: actor.id,
        kind: "ADD",
        name: entry.name,
        signerPost: entry.signerPost,
        gender: entry.gender,
        certPem: info.pem,
        certFingerprint: fingerprint,
        certSubject: info.subject,
        validFrom: entry.validFrom,
        validTo: entry.validTo,
        userId: entry.userId,
        note: data.note ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role: "DIDEDUC_SIGNER",
        action: "signer_change.submit",
        note: data.note ?? null,
        ip,
        createdAt: now,
        data: {
          signerChangeRequestId: request.id,
          kind: "ADD",
          dideducId,
          name: entry.name,
          signerPost: entry.signerPost,
          gender: entry.gender,
          fingerprint,
          subject: info.subject,
          userId: entry.userId,
          validFrom: entry.validFrom.toISOString(),
          validTo: entry.validTo.toISOString(),
        },
      },
    });
    return { id: request.id, fingerprint };
  });
}
