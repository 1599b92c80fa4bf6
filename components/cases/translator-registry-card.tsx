import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TTranslatorRegistrationStatus } from "@/lib/cases/find-translator-registration";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { CaseStateBadge } from "./case-state-badge";
import { formatDate } from "./format-date";

const NEW_REGISTRATION_HREF = "/ciudadano/solicitudes/nueva/registro-traductor";

// The translator's own page (D.4): where their registration stands and, once the central manager
// accepted it, their entry in the registry of sworn translators as citizens see it.
export function TranslatorRegistryCard({ status }: { status: TTranslatorRegistrationStatus }) {
  const { latestCase, entry } = status;
  // Named as the translator chose at registration ("inscrita", "elegirla").
  const as = describeSwornTranslator(entry?.gender);
  return (
    <Card className="mb-8 space-y-4" aria-labelledby="registro-traductor">
      <h2 id="registro-traductor" className="text-2xl font-semibold">
        Mi registro de traductor jurado
      </h2>
      {entry ? (
        <div className="space-y-3" data-testid="translator-entry">
          <p>
            {entry.active
              ? `Usted está ${as.enrolled} en el registro de traductores jurados del Ministerio de Educación. Quienes soliciten la certificación de sus traducciones pueden elegir${as.pronoun}.`
              : "Su inscripción en el registro de traductores jurados no está activa: por ahora no se certifican traducciones suyas. Comuníquese con Atención al Ciudadano."}
          </p>
          <dl className="grid gap-x-6 gap-y-2 rounded-md bg-slate-50 p-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">Nombre</dt>
              <dd className="font-semibold">{entry.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Número de registro</dt>
              <dd className="font-semibold tabular-nums">{entry.dideducRegistrationNumber}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Dirección Departamental</dt>
              <dd>{entry.dideducName}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Idiomas autorizados</dt>
              <dd>{entry.languages.join(", ")}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Acuerdo o resolución</dt>
              <dd>{entry.appointmentResolution}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Estado</dt>
              <dd className="font-semibold">{entry.active ? "Activo" : "Inactivo"}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Registrado desde</dt>
              <dd>{formatDate(entry.registeredAt)}</dd>
            </div>
          </dl>
        </div>
      ) : null}
      {latestCase && (!entry || latestCase.state !== "REGISTERED") ? (
        <div className="space-y-2" data-testid="translator-registration-status">
          <p>
            Solicitud de registro{" "}
            <Link href={`/ciudadano/solicitudes/${encodeURIComponent(latestCase.id)}`} className="tabular-nums">
              {latestCase.number}
            </Link>
            : <CaseStateBadge state={latestCase.state} />
          </p>
          {latestCase.state === "REJECTED" && latestCase.lastNote ? (
            <p>
              <span className="font-semibold">Requisito que falta: </span>
              <span className="whitespace-pre-line">{latestCase.lastNote}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {!entry && !latestCase ? <p>Todavía no tiene inscripción en el registro de traductores jurados. Presente su solicitud de registro con la resolución o el acuerdo de su nombramiento.</p> : null}
      {!latestCase || latestCase.state === "REJECTED" || (!entry && latestCase.state === "REGISTERED") ? (
        <p>
          <ButtonLink href={NEW_REGISTRATION_HREF} variant={entry ? "secondary" : "primary"}>
            {entry ? "Actualizar mi registro" : "Solicitar mi registro"}
          </ButtonLink>
        </p>
      ) : latestCase.state === "DRAFT" ? (
        <p>
          <ButtonLink href={`/ciudadano/solicitudes/${encodeURIComponent(latestCase.id)}`}>Continuar mi solicitud de registro</ButtonLink>
        </p>
      ) : entry && latestCase.state === "REGISTERED" ? (
        <p>
          <Link href={NEW_REGISTRATION_HREF}>Actualizar mi registro</Link> si su nombramiento cambió (por ejemplo, un idioma nuevo).
        </p>
      ) : null}
    </Card>
  );
}
