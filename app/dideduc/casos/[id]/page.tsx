import type { Metadata } from "next";
import { blankBackFileIdsOf } from "@/lib/cases/forms/educational-record-form";
import { CaseFiles } from "@/components/staff/case-files";
import { CaseActionPanel } from "@/components/staff/case-action-panel";
import { ProcedureDataCard } from "@/components/staff/procedure-data-panel";
import { StaffCaseFrame } from "@/components/staff/staff-case-frame";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { formKindOf } from "@/components/staff/form-kind";
import { reviewChecklistFor } from "@/components/staff/review-checklist";
import { loadStaffCase, type TStaffCasePageProps } from "@/components/staff/load-staff-case";
import { releaseCaseAction, takeCaseAction } from "../../actions/case-assignment";
import { requireSegment } from "@/lib/auth/require-segment";
import { listSupervisionOffices } from "@/lib/cases/list-supervision-offices";
import { generateCertificationAction } from "../../actions/generate-certification";
import { performCaseActionAction } from "../../actions/perform-case-action";

export const metadata: Metadata = { title: "Revisión de la solicitud" };

// The reviewer's case view: the scans inline beside the typed data, the checklist, and the actions
// this person may take now, as the workflow definition lists them.
export default async function DideducCasePage(props: TStaffCasePageProps) {
  const actor = await requireSegment("dideduc");
  const loaded = await loadStaffCase(actor, "dideduc", props);
  const { vm } = loaded;
  const needsOffices = vm.actions.some((a) => formKindOf(a) === "guidance" || formKindOf(a) === "request_documents");
  const offices = needsOffices && vm.dideducId ? await listSupervisionOffices(vm.dideducId) : [];

  return (
    <StaffCaseFrame
      segment="dideduc"
      loaded={loaded}
      assign={{ take: takeCaseAction, release: releaseCaseAction }}
      reissueLinks={await findReissueLinks({ caseId: vm.id })}
      aside={{
        headingId: "escaneos-heading",
        heading: "Documentos escaneados",
        content: (
          <>
            {vm.documents.length > 0 ? (
              <p className="rounded-md border border-slate-300 bg-white p-3">
                <a href={`/api/cases/${encodeURIComponent(vm.id)}/document`} target="_blank" rel="noopener" className="font-semibold">
                  Ver la certificación generada (PDF, última versión)
                </a>
              </p>
            ) : null}
            <CaseFiles files={vm.files} blankBackFileIds={blankBackFileIdsOf(vm.formData)} />
          </>
        ),
      }}
    >
      <ProcedureDataCard title="Datos que escribió la persona" procedure={vm.procedure} formData={vm.formData} dideducName={vm.header.dideducName} />
      <CaseActionPanel
        {...loaded.panel}
        perform={performCaseActionAction}
        generate={generateCertificationAction}
        previewHref={`/api/cases/${encodeURIComponent(vm.id)}/preview`}
        offices={offices.map((o) => ({ id: o.id, name: o.name, phone: o.phone, address: o.address, isPlaceholder: o.isPlaceholder }))}
        checklist={reviewChecklistFor(vm.procedure)}
      />
    </StaffCaseFrame>
  );
}
