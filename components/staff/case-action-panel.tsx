import { Card } from "@/components/ui/card";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { AcceptRegistrationForm } from "./accept-registration-form";
import type { TStaffFormAction } from "./form-action";
import { formKindOf } from "./form-kind";
import { GenerateCertificationForm } from "./generate-certification-form";
import { GuidanceForm, type TSupervisionOfficeOption } from "./guidance-form";
import { ReasonActionForm } from "./reason-action-form";
import { RequestDocumentsForm } from "./request-documents-form";
import { RevokeForm } from "./revoke-form";
import type { TReviewChecklistItem } from "./review-checklist";
import { BrowserSigningForm } from "./browser-signing-form";
import type { TSigningActions } from "./sign-case-in-browser";
import type { TCaseAction } from "@/lib/cases/describe-case-action";

// What each reason-taking transition asks for, in the words of the person who reads it.
const REASON_LABELS: Record<string, { label: string; hint: string; variant: "secondary" | "danger" }> = {
  reject_for_correction: {
    label: "Qué debe corregir la persona",
    hint: "La persona lo leerá en su solicitud y en el correo que le enviaremos; su solicitud se reabre con todo lo que ya escribió.",
    variant: "secondary",
  },
  return: {
    label: "Nota: qué hay que corregir",
    hint: "La lee la oficina que recibe la solicitud de vuelta; la persona solicitante no necesita hacer nada.",
    variant: "secondary",
  },
  // The central office back to the DIDEDUC's signer (D.1.1, D.2.1): the same certification, signed again.
  return_to_signer: {
    label: "Nota para la Dirección Departamental: qué debe revisar o corregir",
    hint: `La lee ${DIDEDUC_SIGNER_WHO} en su bandeja y en la solicitud; la persona solicitante no necesita hacer nada.`,
    variant: "secondary",
  },
  reject_definitively: {
    label: "Motivo del rechazo definitivo",
    hint: "La persona lo leerá en su solicitud y en el correo. La solicitud termina aquí.",
    variant: "danger",
  },
  // D.3 and D.4: the case ends; the applicant corrects and starts a new request from it.
  reject: {
    label: "Motivo del rechazo (requisito que falta o dato incorrecto)",
    hint: "La persona lo leerá en su solicitud y en el correo que le enviaremos; podrá iniciar una nueva solicitud con los datos de esta.",
    variant: "danger",
  },
};

// The actions this person may take on the case now, one form each, in the order of the workflow
// definition; each button's text is the transition's label.
export function CaseActionPanel({
  caseId,
  version,
  actions,
  pageHref,
  perform,
  generate,
  sign,
  previewHref,
  offices = [],
  signIntro,
  checklist,
  accept,
  revoke,
  caseNumber,
}: {
  caseId: string;
  version: number;
  actions: readonly TCaseAction[];
  pageHref: string;
  perform: TStaffFormAction;
  generate?: TStaffFormAction;
  // The office's browser-signing actions (prepare, complete) and where a signed case opens again.
  sign?: { actions: TSigningActions; doneHref: string };
  previewHref?: string;
  offices?: readonly TSupervisionOfficeOption[];
  signIntro?: string;
  // The reviewer's checklist of the case's procedure (reviewChecklistFor); D.1.1's when omitted.
  checklist?: readonly TReviewChecklistItem[];
  // D.4's "Aceptar y registrar" (acceptTranslatorRegistration).
  accept?: TStaffFormAction;
  // "Anular certificación" (revokeCertification), confirmed by typing the case's number.
  revoke?: TStaffFormAction;
  caseNumber?: string;
}) {
  if (actions.length === 0) {
    return (
      <p className="rounded-md border border-slate-300 bg-white p-4" data-testid="no-actions">
        No hay acciones pendientes para usted en esta solicitud.
      </p>
    );
  }
  // The step that moves the case forward (generate, sign) first; returns and rejections after it.
  const main = (a: TCaseAction) => ["generate", "sign", "accept"].includes(formKindOf(a));
  const ordered = [...actions].sort((a, b) => Number(main(b)) - Number(main(a)));
  return (
    <section aria-labelledby="acciones-heading" className="space-y-6">
      <h2 id="acciones-heading" className="text-2xl font-semibold">
        Acciones
      </h2>
      {ordered.map((a) => {
        const kind = formKindOf(a);
        const headingId = `accion-${a.action}`;
        let body;
        if (kind === "generate" && generate && previewHref) {
          body = <GenerateCertificationForm formAction={generate} caseId={caseId} version={version} label={a.label} previewHref={previewHref} pageHref={pageHref} checklist={checklist} />;
        } else if (kind === "sign" && sign) {
          body = <BrowserSigningForm actions={sign.actions} doneHref={sign.doneHref} caseId={caseId} version={version} label={a.label} pageHref={pageHref} intro={signIntro} />;
        } else if (kind === "accept" && accept) {
          body = <AcceptRegistrationForm formAction={accept} caseId={caseId} version={version} label={a.label} pageHref={pageHref} />;
        } else if (kind === "revoke" && revoke && caseNumber) {
          body = <RevokeForm formAction={revoke} caseId={caseId} caseNumber={caseNumber} version={version} label={a.label} pageHref={pageHref} />;
        } else if (kind === "guidance") {
          body = <GuidanceForm formAction={perform} caseId={caseId} version={version} action={a.action} label={a.label} offices={offices} pageHref={pageHref} />;
        } else if (kind === "request_documents") {
          body = <RequestDocumentsForm formAction={perform} caseId={caseId} version={version} action={a.action} label={a.label} offices={offices} pageHref={pageHref} />;
        } else if (kind === "reason") {
          const words = REASON_LABELS[a.action] ?? { label: "Motivo", hint: "Explique el motivo.", variant: "secondary" as const };
          body = (
            <ReasonActionForm
              formAction={perform}
              caseId={caseId}
              version={version}
              action={a.action}
              label={a.label}
              reasonLabel={words.label}
              hint={words.hint}
              variant={words.variant}
              pageHref={pageHref}
            />
          );
        } else {
          body = <p>Esta acción no está disponible en esta pantalla.</p>;
        }
        return (
          <Card key={a.action} aria-labelledby={headingId}>
            <h3 id={headingId} className="mb-3 text-lg font-semibold">
              {a.label}
            </h3>
            {a.help ? (
              <p className="mb-3 text-slate-700" data-testid={`action-help-${a.action}`}>
                {a.help}
              </p>
            ) : null}
            {body}
          </Card>
        );
      })}
    </section>
  );
}
