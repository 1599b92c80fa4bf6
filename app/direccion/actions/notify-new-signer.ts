"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { notifyNewSigner } from "@/lib/registry/signer-changes/notify-new-signer";

const str = z.string().max(5000).optional();
const ZInput = z.object({
  signerPost: str,
  gender: str,
  name: str,
  userId: str,
  validFrom: str,
  validTo: str,
  note: str,
  certificate: z.instanceof(File, { error: "Elija el archivo del certificado (.pem, .cer o .crt)." }).optional(),
});

// Nota 3: the Director notifies a new signer of their DIDEDUC (the domain checks the role held and
// takes the DIDEDUC from the account, never from the form).
export const notifyNewSignerAction = createAction({
  name: "direccion.notifyNewSigner",
  schema: ZInput,
  roles: ["DIDEDUC_SIGNER"],
  handler: async (input, { actor, ip }) => {
    const file = input.certificate && input.certificate.size > 0 ? input.certificate : null;
    const result = await notifyNewSigner(
      actor,
      {
        signerPost: input.signerPost as never,
        gender: input.gender as never,
        name: input.name,
        userId: input.userId,
        validFrom: input.validFrom,
        validTo: input.validTo,
        note: input.note,
        fileName: file?.name ?? "",
        // Read at most a little past the limit: the domain refuses anything larger.
        certificate: file ? new Uint8Array(await file.slice(0, 65 * 1024).arrayBuffer()) : new Uint8Array(),
      },
      { ip },
    );
    revalidatePath("/direccion/firmantes");
    return result;
  },
});
