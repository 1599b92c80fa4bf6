import Link from "next/link";
import { ReissueList } from "@/components/cases/reissue-links";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { checkReissuable } from "@/lib/cases/check-reissuable";
import type { TReissueLinks } from "@/lib/cases/find-reissue-links";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import type { TStaffFormAction } from "./form-action";
import { StartReissueForm } from "./start-reissue-form";

const staffHref = (caseId: string) => `/atencion/casos/${encodeURIComponent(caseId)}`;

// "Reposición corregida" on an issued or revoked certification (central staff): the re-issues
// already started, and the form to start one, or why none can start now (the same rule the domain
// applies: check-reissuable.ts). `startedId`: the re-issue just started (?reposicion=).
export function ReissuePanel({
  c,
  links,
  startedId,
  formAction,
  pageHref,
}: {
  c: { id: string; procedure: Procedure; state: CaseState };
  links: TReissueLinks;
  startedId: string | undefined;
  formAction: TStaffFormAction;
  pageHref: string;
}) {
  if (c.state !== "ISSUED" && c.state !== "REVOKED") return null;
  const refusal = checkReissuable(c, links.reissues);
  if (refusal?.code === "NOT_REISSUABLE") return null;
  const started = startedId ? links.reissues.find((r) => r.id === startedId) : undefined;
  return (
    <Card aria-labelledby="reposicion-heading" className="space-y-4">
      <h2 id="reposicion-heading" className="text-xl font-semibold">
        Reposición corregida
      </h2>
      {started ? (
        <Notice tone="success" title="Reposición corregida iniciada">
          <p data-testid="reissue-started">
            Se creó la solicitud <Link href={staffHref(started.id)}>{started.number}</Link> con los datos y documentos de esta, como borrador del titular.
            Le enviamos un correo con lo que debe corregir.
          </p>
        </Notice>
      ) : null}
      <ReissueList links={links} href={staffHref} />
      {refusal ? (
        <p data-testid="reissue-unavailable">{refusal.message}</p>
      ) : (
        <>
          <p>
            Si la certificación tiene un error, inicie una reposición: se crea una solicitud nueva con los mismos datos y documentos, que el titular
            corrige y envía. Sigue el trámite normal, con las mismas firmas, y recibe un código de verificación nuevo. Al emitirse, esta certificación
            queda anulada como «reemplazada» (si ya estaba anulada, conserva su motivo) y su página de verificación enlaza a la nueva.
          </p>
          <StartReissueForm formAction={formAction} caseId={c.id} pageHref={pageHref} />
        </>
      )}
    </Card>
  );
}
