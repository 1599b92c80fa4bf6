import type { Metadata } from "next";
import { blankBackFileIdsOf } from "@/lib/cases/forms/educational-record-form";
import { Card } from "@/components/ui/card";
import { CaseActionPanel } from "@/components/staff/case-action-panel";
import { CaseFiles } from "@/components/staff/case-files";
import { GraduationRecordReview } from "@/components/staff/graduation-record-review";
import { PdfFrame } from "@/components/staff/pdf-frame";
import { ReissuePanel } from "@/components/staff/reissue-panel";
import { SignatureReport } from "@/components/staff/signature-report";
import { ProcedureDataCard } from "@/components/staff/procedure-data-panel";
import { StaffCaseFrame } from "@/components/staff/staff-case-frame";
import { loadStaffCase, type TStaffCasePageProps } from "@/components/staff/load-staff-case";
import { releaseCaseAction, takeCaseAction } from "../../actions/case-assignment";
import { requireSegment } from "@/lib/auth/require-segment";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { issuedByCentralOnly } from "@/lib/cases/procedure-sheets";
import { acceptTranslatorRegistrationAction } from "../../actions/accept-translator-registration";
import { completeSigningAction } from "../../actions/complete-signing";
import { performCaseActionAction } from "../../actions/perform-case-action";
import { prepareSigningAction } from "../../actions/prepare-signing";
import { revokeCertificationAction } from "../../actions/revoke-certification";
import { startReissueAction } from "../../actions/start-reissue";

export const metadata: Metadata = { title: "Revisión central" };

// The central office's case view: the automatic signature report on the file the DIDEDUC signed,
// the file itself, and "Firmar y emitir" or the return to the DIDEDUC.
export default async function AtencionCasePage(props: TStaffCasePageProps) {
  const actor = await requireSegment("atencion");
  const loaded = await loadStaffCase(actor, "atencion", props);
  const { vm, pageHref } = loaded;
  const docBase = `/api/cases/${encodeURIComponent(vm.id)}/document`;
  const hasDocument = vm.documents.length > 0;
  // Only after getCaseForActor said this person may see the case: the report itself reads any case.
  const report = hasDocument ? await buildSignatureReport({ caseId: vm.id }) : null;
  // D.4 (the central manager's): no certification, only the resolution the translator uploaded.
  const isRegistration = vm.procedure === "TRANSLATOR_REGISTRATION";
  // D.1.2, D.2.2, D.3: no DIDEDUC signature; the sheet is made and signed once at "Firmar y emitir",
  // so until then the office reviews its preview (code 0000-0000-0000) and the uploaded files.
  const centralOnly = issuedByCentralOnly(vm.procedure);
  // Corrected re-issues: what this case corrects, and those started from it.
  const reissueLinks = await findReissueLinks({ caseId: vm.id });
  const startedReissue = (await props.searchParams).reposicion;
  const previewHref = centralOnly && !hasDocument && vm.actions.some((a) => a.action === "sign_and_issue") ? `/api/cases/${encodeURIComponent(vm.id)}/preview` : null;

  return (
    <StaffCaseFrame
      segment="atencion"
      loaded={loaded}
      assign={{ take: takeCaseAction, release: releaseCaseAction }}
      reissueLinks={reissueLinks}
      aside={{
        headingId: "documento-heading",
        heading: isRegistration ? "Resolución o acuerdo de nombramiento" : "Documento",
        content: (
          <>
            {isRegistration ? (
              <CaseFiles files={vm.files} blankBackFileIds={blankBackFileIdsOf(vm.formData)} />
            ) : hasDocument ? (
              <PdfFrame
                src={docBase}
                downloadHref={`${docBase}?descargar=1`}
                title={vm.state === "REVOKED" ? "Certificación anulada, sin validez (PDF)" : "Certificación, última versión (PDF)"}
              />
            ) : previewHref ? (
              <PdfFrame src={previewHref} downloadHref={`${previewHref}?descargar=1`} title="Vista previa de la certificación (sin validez, código 0000-0000-0000)" />
            ) : (
              <p>Sin documento.</p>
            )}
            {centralOnly && !hasDocument ? <CaseFiles files={vm.files} blankBackFileIds={blankBackFileIdsOf(vm.formData)} /> : null}
          </>
        ),
      }}
    >
      {isRegistration ? null : (
        <Card aria-labelledby="firmas-heading">
          <h2 id="firmas-heading" className="mb-3 text-xl font-semibold">
            Comprobación automática de firmas
          </h2>
          {report ? (
            <SignatureReport report={report} />
          ) : centralOnly ? (
            <p>La certificación de este trámite la firma y emite solo Atención al Ciudadano: el documento se genera y se firma al pulsar «Firmar y emitir».</p>
          ) : (
            <p>Esta solicitud aún no tiene un documento firmado.</p>
          )}
          {vm.procedure === "GRADUATION_RECORD" ? <GraduationRecordReview caseId={vm.id} /> : null}
        </Card>
      )}
      <CaseActionPanel
        {...loaded.panel}
        perform={performCaseActionAction}
        sign={{ actions: { prepare: prepareSigningAction, complete: completeSigningAction }, doneHref: `${pageHref}?hecho=sign_and_issue` }}
        accept={acceptTranslatorRegistrationAction}
        revoke={revokeCertificationAction}
        caseNumber={vm.header.number}
        signIntro={
          centralOnly
            ? "Al firmar se genera la hoja de certificación con el código QR y la URL de verificación, se une delante de los documentos de la solicitud y se firma con su certificado: es la única firma del documento."
            : "Su firma se agrega como actualización incremental: la firma de la Dirección Departamental sigue siendo válida."
        }
      />
      <ReissuePanel
        c={{ id: vm.id, procedure: vm.procedure, state: vm.state }}
        links={reissueLinks}
        startedId={typeof startedReissue === "string" ? startedReissue : undefined}
        formAction={startReissueAction}
        pageHref={pageHref}
      />
      <ProcedureDataCard title="Datos de la solicitud" procedure={vm.procedure} formData={vm.formData} dideducName={vm.header.dideducName} />
    </StaffCaseFrame>
  );
}
