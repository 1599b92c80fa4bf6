"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { registerAuthorizedSigner } from "@/lib/admin/register-authorized-signer";

const str = z.string().max(5000).optional();
const ZInput = z.object({
  office: str,
  dideducId: str,
  signerPost: str,
  gender: str,
  post: str,
  name: str,
  userId: str,
  validFrom: str,
  validTo: str,
  certificate: z.instanceof(File, { error: "Elija el archivo del certificado (.pem, .cer o .crt)." }).optional(),
});

export const registerAuthorizedSignerAction = createAction({
  name: "admin.registerAuthorizedSigner",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const file = input.certificate && input.certificate.size > 0 ? input.certificate : null;
    const result = await registerAuthorizedSigner(
      actor,
      {
        office: (input.office ?? "") as never,
        dideducId: input.dideducId,
        signerPost: input.signerPost as never,
        gender: input.gender as never,
        post: input.post,
        name: input.name,
        userId: input.userId,
        validFrom: input.validFrom,
        validTo: input.validTo,
        fileName: file?.name ?? "",
        // Read at most a little past the limit: the domain refuses anything larger.
        certificate: file ? new Uint8Array(await file.slice(0, 65 * 1024).arrayBuffer()) : new Uint8Array(),
      },
      { ip },
    );
    revalidatePath("/admin/firmantes");
    return result;
  },
});
