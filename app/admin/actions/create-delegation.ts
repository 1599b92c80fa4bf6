"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { createAdminDelegation } from "@/lib/admin/create-admin-delegation";

const str = z.string().max(5000).default("");
const ZInput = z.object({ grantorId: str, delegateId: str, validFrom: str, validTo: str, note: str });

export const createDelegationAction = createAction({
  name: "admin.createDelegation",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await createAdminDelegation(
      actor,
      // Calendar days (YYYY-MM-DD) as the form sends them: the domain reads them in Guatemala's
      // calendar, both ends included, with the same helper as the Director's form.
      { grantorId: input.grantorId, delegateId: input.delegateId, validFrom: input.validFrom, validTo: input.validTo, note: input.note },
      { ip },
    );
    revalidatePath("/admin/delegaciones");
    return result;
  },
});
