import "server-only";
import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { DIDEDUC_SIGNER_POSTS, GRAMMATICAL_GENDERS } from "@/lib/registry/dideduc-signer-posts";
import { addAuthorizedSigner } from "./add-authorized-signer";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { readSignerCertificate } from "./read-signer-certificate";

export { DUPLICATE_SIGNER_MESSAGE } from "./add-authorized-signer";
export { MAX_CERTIFICATE_BYTES, NOT_A_CERTIFICATE_MESSAGE, PRIVATE_KEY_MESSAGE } from "./read-signer-certificate";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZOptionalDate = z.preprocess(blank, z.coerce.date({ error: "Escriba una fecha válida." }).optional());

export const ZRegisterAuthorizedSigner = z.object({
  office: z.enum(["DIDEDUC", "ARCHIVE", "CENTRAL"], { error: "Elija la oficina." }),
  dideducId: z.preprocess(blank, z.string().trim().max(100).optional()),
  // DIDEDUC: the post from the list its type allows, and its form (Directora / Director).
  signerPost: z.preprocess(blank, z.enum(DIDEDUC_SIGNER_POSTS, { error: "Elija el puesto del firmante." }).optional()),
  gender: z.preprocess(blank, z.enum(GRAMMATICAL_GENDERS, { error: "Indique la forma del puesto." }).optional()),
  // Archive and central office: free text.
  post: z.preprocess(blank, safeText().trim().max(150, { error: "El puesto no puede tener más de 150 caracteres." }).optional()),
  name: z.preprocess(blank, safeText().trim().max(150, { error: "El nombre no puede tener más de 150 caracteres." }).optional()),
  userId: z.preprocess(blank, z.string().trim().max(100).optional()),
  validFrom: ZOptionalDate,
  validTo: ZOptionalDate,
  fileName: z.string().max(255).default(""),
  certificate: z.instanceof(Uint8Array, { error: "Elija el archivo del certificado (.pem, .cer o .crt)." }),
});
export type TRegisterAuthorizedSigner = z.input<typeof ZRegisterAuthorizedSigner>;

// Nota 3: the registry of authorized signers (name, post, office, certificate). Validity comes
// from the certificate; the administrator may only narrow it. A DIDEDUC's entry names one of the
// posts its type allows (decision 0014).
export async function registerAuthorizedSigner(actor: TAdminActor, input: TRegisterAuthorizedSigner, options: TAdminOptions = {}): Promise<{ id: string; fingerprint: string }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZRegisterAuthorizedSigner, input);
  const certificate = readSignerCertificate(data.fileName, data.certificate);
  return db.$transaction((tx) =>
    addAuthorizedSigner(
      tx,
      {
        office: data.office,
        dideducId: data.dideducId,
        signerPost: data.signerPost,
        gender: data.gender,
        post: data.post,
        name: data.name,
        userId: data.userId,
        validFrom: data.validFrom,
        validTo: data.validTo,
        certificate,
      },
      { actorId: actor.id, role: "ADMIN", action: "admin.register_signer", ip, now },
    ),
  );
}
