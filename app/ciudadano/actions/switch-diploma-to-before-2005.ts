"use server";

import { createAction } from "@/lib/action";
import { ZSwitchToBefore2005Request } from "@/lib/cases/forms/diploma-from-2005-form";
import { switchDiplomaToBefore2005 } from "@/lib/cases/switch-diploma-to-before-2005";

// D.2.2 → D.2.1 on a registry miss: creates the D.2.1 draft with what was typed and returns its
// address; the editor navigates there.
export const switchDiplomaToBefore2005Action = createAction({
  name: "cases.switch-diploma-to-before-2005",
  roles: ["CITIZEN"],
  schema: ZSwitchToBefore2005Request,
  handler: async (input, { actor, ip }) => {
    const created = await switchDiplomaToBefore2005({ actor, typed: input, ip });
    return { caseId: created.caseId, number: created.number, href: `/ciudadano/solicitudes/${encodeURIComponent(created.caseId)}` };
  },
});
