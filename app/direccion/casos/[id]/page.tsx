import type { Metadata } from "next";
import { blankBackFileIdsOf } from "@/lib/cases/forms/educational-record-form";
import { CaseActionPanel } from "@/components/staff/case-action-panel";
import { CaseFiles } from "@/components/staff/case-files";
import { PdfFrame } from "@/components/staff/pdf-frame";
import { ProcedureDataCard } from "@/components/staff/procedure-data-panel";
import { StaffCaseFrame } from "@/components/staff/staff-case-frame";
import { Notice } from "@/components/ui/notice";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { loadStaffCase, type TStaffCasePageProps } from "@/components/staff/load-staff-case";
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
  const loaded = await loadStaffCase(actor, "direccion", props);
  const { vm, pageHref } = loaded;
  const docBase = `/api/cases/${encodeURIComponent(vm.id)}/document`;
  const unsigned = vm.documents.find((d) => d.stage === "UNSIGNED");
  const latest = vm.documents[vm.documents.length - 1];

  return (
    <StaffCaseFrame
      segment="direccion"
      loaded={loaded}
      assign={{ take: takeCaseAction, release: releaseCaseAction }}
      reissueLinks={await findReissueLinks({ caseId: vm.id })}
      notice={
        // Back from the central office (return_to_signer): the same sheet, the earlier signature void.
        vm.state === "DIDEDUC_SIGNATURE" && vm.header.lastNoteAction === "return_to_signer" ? (
          <Notice tone="warning" title="Atención al Ciudadano devolvió esta certificación a su firma">
            <p data-testid="returned-to-signer">
              Lea la nota de arriba. La certificación es la misma (mismo código de verificación), pero su firma anterior ya no vale: fírmela de nuevo
              o, si hay datos que corregir, devuélvala al Departamento Técnico Pedagógico.
            </p>
          </Notice>
        ) : null
      }
      aside={{
        headingId: "certificacion-heading",
        heading: "Certificación",
        content:
          unsigned || latest ? (
            <PdfFrame
              src={vm.state === "DIDEDUC_SIGNATURE" && unsigned ? `${docBase}?stage=UNSIGNED` : docBase}
              downloadHref={`${vm.state === "DIDEDUC_SIGNATURE" && unsigned ? `${docBase}?stage=UNSIGNED&` : `${docBase}?`}descargar=1`}
              title={vm.state === "DIDEDUC_SIGNATURE" ? "Certificación por firmar (PDF)" : "Certificación, última versión (PDF)"}
            />
          ) : (
            <p>Esta solicitud aún no tiene una certificación generada.</p>
          ),
      }}
      after={
        <details className="mt-8 rounded-md border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Escaneos que adjuntó la persona</summary>
          <div className="mt-4">
            <CaseFiles files={vm.files} blankBackFileIds={blankBackFileIdsOf(vm.formData)} />
          </div>
        </details>
      }
    >
      <CaseActionPanel
        {...loaded.panel}
        perform={performCaseActionAction}
        sign={{ actions: { prepare: prepareSigningAction, complete: completeSigningAction }, doneHref: `${pageHref}?hecho=sign` }}
        signIntro="Revise la certificación antes de firmar. Su firma electrónica avanzada se agrega al PDF completo (hoja de certificación y escaneos). Su certificado se abre en esta computadora: solo la firma llega al servidor."
      />
      <ProcedureDataCard title="Datos de la solicitud" procedure={vm.procedure} formData={vm.formData} dideducName={vm.header.dideducName} />
    </StaffCaseFrame>
  );
}
