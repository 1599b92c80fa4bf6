import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { requireSegment } from "@/lib/auth/require-segment";
import { findTranslatorRegistration } from "@/lib/cases/find-translator-registration";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { TranslatorRegistrationEditor } from "../../_components/translator-registration-editor";
import { NEW_REQUEST } from "../../_components/editor-initial";
import { NewRequestPage, RequestFormSection } from "../../_components/new-request-page";

export const metadata: Metadata = { title: "Registro de traductor jurado" };

// D.4, a blank form: the case is created by the first save. A draft already started opens instead;
// while one registration is under review no other can be sent. Filed with the account the person
// already has, a translator's or a citizen's (decision 0025): a citizen accepted as a sworn
// translator keeps the same account, with its requests, and gains the translator's role.
export default async function NewTranslatorRegistrationPage() {
  const actor = await requireSegment("ciudadano");
  const status = await findTranslatorRegistration({ actor });
  if (status.latestCase?.state === "DRAFT") redirect(`/ciudadano/solicitudes/${encodeURIComponent(status.latestCase.id)}`);
  const dideducs = await listDideducs();
  return (
    <NewRequestPage
      title="Registro de traductor jurado"
      intro={
        <>
          <p>
            Inscríbase en el registro de traductores jurados del Ministerio de Educación. El Encargado de Atención al Ciudadano revisa sus datos y la resolución o
            acuerdo de su nombramiento, con el sello de registro de la Dirección Departamental, y le avisa por correo. Todo se guarda automáticamente como borrador.
          </p>
          {actor.roles.includes("TRANSLATOR") ? null : (
            <p data-testid="same-account-note">
              Se presenta con esta misma cuenta: si se acepta, su cuenta queda también como de traductor jurado y conserva sus solicitudes y certificaciones.
            </p>
          )}
        </>
      }
    >
      {status.latestCase?.state === "MANAGER_REVIEW" ? (
        <Notice tone="warning" className="mb-6" title="Ya tiene una solicitud de registro en revisión">
          <p>
            Su solicitud <Link href={`/ciudadano/solicitudes/${encodeURIComponent(status.latestCase.id)}`}>{status.latestCase.number}</Link> está en revisión.
            Podrá enviar otra cuando tenga su resultado.
          </p>
        </Notice>
      ) : null}
      {status.entry ? (
        <Notice className="mb-6" title="Usted ya está en el registro">
          <p>
            Registro {status.entry.dideducRegistrationNumber} ({status.entry.dideducName}). Presente esta solicitud solo si su nombramiento cambió (por ejemplo,
            un idioma nuevo): al aceptarla se actualiza su inscripción.
          </p>
        </Notice>
      ) : null}
      <RequestFormSection>
        <TranslatorRegistrationEditor
          initial={NEW_REQUEST}
          dideducs={dideducs.map((x) => ({ id: x.id, name: x.name }))}
          defaultName={actor.name}
        />
      </RequestFormSection>
    </NewRequestPage>
  );
}
