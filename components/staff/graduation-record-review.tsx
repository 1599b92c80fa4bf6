import { buildArchiveRecordReport } from "@/lib/cases/build-archive-record-report";
import { ArchiveRecordReport } from "./archive-record-report";

// Server component for the central case view of a D.1.2 request, in its automatic signature check:
// reads the uploaded record and reports on the archive's signature. Rendered only after the page
// established that the actor may see the case (getCaseForActor); the report itself reads any case.
export async function GraduationRecordReview({ caseId }: { caseId: string }) {
  const report = await buildArchiveRecordReport({ caseId });
  return (
    <section aria-labelledby="firma-archivo" className="mt-6 space-y-3">
      <h3 id="firma-archivo" className="text-lg font-semibold">
        Firma del Archivo Documental en el expediente subido
      </h3>
      {report ? <ArchiveRecordReport report={report} /> : <p>El usuario no adjuntó el expediente firmado por el Archivo Documental.</p>}
    </section>
  );
}
