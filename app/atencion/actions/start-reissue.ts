"use server";

import { redirect } from "next/navigation";
import { createAction } from "@/lib/action";
import { startReissue, ZStartReissueInput } from "@/lib/cases/start-reissue";

// "Iniciar reposición corregida": central staff (the segment's roles: assistant, coordinator,
// manager) start a corrected re-issue of an issued or revoked certification. The domain checks the
// role again, the case's state and that no other re-issue of it is open; on success the old case's
// page opens again with the new request linked (?reposicion=<id>).
export const startReissueAction = createAction({
  name: "atencion.start-reissue",
  segment: "atencion",
  schema: ZStartReissueInput,
  handler: async (form, { actor, ip }) => {
    const started = await startReissue({ actor, caseId: form.caseId, note: form.note, ip });
    redirect(`/atencion/casos/${encodeURIComponent(form.caseId)}?reposicion=${encodeURIComponent(started.caseId)}`);
  },
});
