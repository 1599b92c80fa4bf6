import type { Metadata } from "next";
import { blankBackFileIdsOf } from "@/lib/cases/forms/educational-record-form";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseActionPanel } from "@/components/staff/case-action-panel";
import { CaseFiles } from "@/components/staff/case-files";
import { DoneNotice } from "@/components/staff/done-notice";
import { PdfFrame } from "@/components/staff/pdf-frame";
import { ProcedureDataCard } from "@/components/staff/procedure-data-panel";
import { StaffCaseHeader } from "@/components/staff/staff-case-header";
import { ReissueOfNotice } from "@/components/cases/reissue-links";
import { Notice } from "@/components/ui/notice";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { loadStaffCase, type TStaffCasePageProps } from "@/components/staff/load-staff-case";
import { CaseAssignmentBar } from "@/components/staff/case-assignment-bar";
import { releaseCaseAction, takeCaseAction } from "../../actions/case-assignment";
import { requireSegment } from "@/lib/auth/require-segment";
import { performCaseActionAction } from "../../actions/perform-case-action";
import { completeSigningAction } from "../../actions/complete-signing";
import { prepareSigningAction } from "../../actions/prepare-signing";

export const metadata: Metadata = { title: "Firma de la certificación" };

// The director's case view: the certification as it will be signed (the unsigned version the
// reviewer generated), the signing form, and the way back or out.
export default async function DireccionCasePage(props: TStaffCasePageProps) {
  const actor = await requireSegment("direccion");
  const { vm, done, pageHref, assignment } = await loadStaffCase(actor, "direccion", props);
  const docBase = `/api/cases/${encodeURIComponent(vm.id)}/document`;
  const unsigned = vm.documents.find((d) => d.stage === "UNSIGNED");
  const latest = vm.documents[vm.documents.length - 1];

  return (
    <>
      <DoneNotice action={done} />
      <StaffCaseHeader c={vm.header} backHref="/direccion" backLabel="Volver a la bandeja">
        {/* A corrected re-issue: which certification it corrects and what must be checked again. */}
        <ReissueOfNotice links={await findReissueLinks({ caseId: vm.id })} href={(id) => `/direccion/casos/${encodeURIComponent(id)}`} showNote />
        {/* Back from the central office (return_to_signer): the same sheet, the earlier signature void. */}
        {vm.state === "DIDEDUC_SIGNATURE" && vm.header.lastNoteAction === "return_to_signer" ? (
          <Notice tone="warning" title="Atención al Ciudadano devolvió esta certificación a su firma">
            <p data-testid="returned-to-signer">
              Lea la nota de arriba. La certificación es la misma (mismo código de verificación), pero su firma anterior ya no vale: fírmela de nuevo
              o, si hay datos que corregir, devuélvala al Departamento Técnico Pedagógico.
            </p>
          </Notice>
        ) : null}
        <CaseAssignmentBar caseId={vm.id} view={assignment} take={takeCaseAction} release={releaseCaseAction} />
      </StaffCaseHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <CaseActionPanel
            caseId={vm.id}
            version={vm.version}
            actions={vm.actions}
            pageHref={pageHref}
            perform={performCaseActionAction}
            sign={{ actions: { prepare: prepareSigningAction, complete: completeSigningAction }, doneHref: `${pageHref}?hecho=sign` }}
            signIntro="Revise la certificación antes de firmar. Su firma electrónica avanzada se agrega al PDF completo (hoja de certificación y escaneos). Su certificado se abre en esta computadora: solo la firma llega al servidor."
          />
          <ProcedureDataCard title="Datos de la solicitud" procedure={vm.procedure} formData={vm.formData} dideducName={vm.header.dideducName} />
        </div>
        <section aria-labelledby="certificacion-heading" className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 id="certificacion-heading" className="text-xl font-semibold">
            Certificación
          </h2>
          {unsigned || latest ? (
            <PdfFrame
              src={vm.state === "DIDEDUC_SIGNATURE" && unsigned ? `${docBase}?stage=UNSIGNED` : docBase}
              downloadHref={`${vm.state === "DIDEDUC_SIGNATURE" && unsigned ? `${docBase}?stage=UNSIGNED&` : `${docBase}?`}descargar=1`}
              title={vm.state === "DIDEDUC_SIGNATURE" ? "Certificación por firmar (PDF)" : "Certificación, última versión (PDF)"}
            />
          ) : (
            <p>Esta solicitud aún no tiene una certificación generada.</p>
          )}
        </section>
      </div>
      <details className="mt-8 rounded-md border border-slate-300 bg-white p-4">
        <summary className="cursor-pointer font-semibold">Escaneos que adjuntó la persona</summary>
        <div className="mt-4">
          <CaseFiles files={vm.files} blankBackFileIds={blankBackFileIdsOf(vm.formData)} />
        </div>
      </details>
      <div className="mt-10">
        <CaseTimeline events={vm.events} showActors />
      </div>
    </>
  );
}
