import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/action";
import { releaseCase } from "@/lib/cases/assignment/release-case";
import { takeCase } from "@/lib/cases/assignment/take-case";

const ZAssignmentForm = z.object({ caseId: z.string().trim().min(1, { error: "Falta la solicitud." }).max(100) });

// "Tomar" and "Liberar" for one office's case view. The segment's roles are checked by createAction;
// who may take (anyone who could act on the case now) or release (the holder, the office's head) is
// the domain's rule (lib/cases/assignment), checked under the case's row lock.
export function createTakeCaseAction(segment: "dideduc" | "direccion" | "atencion") {
  return createAction({
    name: `${segment}.take-case`,
    segment,
    schema: ZAssignmentForm,
    handler: async (form, { actor, ip }) => {
      const r = await takeCase({ actor, caseId: form.caseId, ip });
      redirect(`/${segment}/casos/${encodeURIComponent(form.caseId)}?hecho=${r.outcome === "taken_over" ? "case.takeover" : "case.take"}`);
    },
  });
}

export function createReleaseCaseAction(segment: "dideduc" | "direccion" | "atencion") {
  return createAction({
    name: `${segment}.release-case`,
    segment,
    schema: ZAssignmentForm,
    handler: async (form, { actor, ip }) => {
      await releaseCase({ actor, caseId: form.caseId, ip });
      redirect(`/${segment}/casos/${encodeURIComponent(form.caseId)}?hecho=case.release`);
    },
  });
}
