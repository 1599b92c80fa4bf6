"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { createAdminDelegation } from "@/lib/admin/create-admin-delegation";

const str = z.string().max(5000).default("");
const ZInput = z.object({ grantorId: str, delegateId: str, validFrom: str, validTo: str, note: str });

// Dates arrive as YYYY-MM-DD: a delegation runs whole days in Guatemala's time (UTC−6).
const startOfDay = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00-06:00` : d);
const endOfDay = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T23:59:59-06:00` : d);

export const createDelegationAction = createAction({
  name: "admin.createDelegation",
  schema: ZInput,
  roles: ["ADMIN"],
  handler: async (input, { actor, ip }) => {
    const result = await createAdminDelegation(
      actor,
      { grantorId: input.grantorId, delegateId: input.delegateId, validFrom: input.validFrom ? startOfDay(input.validFrom) : undefined, validTo: input.validTo ? endOfDay(input.validTo) : undefined, note: input.note } as never,
      { ip },
    );
    revalidatePath("/admin/delegaciones");
    return result;
  },
});
