import { buildArchiveRecordReport } from "@/lib/cases/build-archive-record-report";
import { ArchiveRecordReport } from "./archive-record-report";

// Server component for the central case view of a D.1.2 request: reads the uploaded record and
// reports on its signature. Rendered only after the page established that the actor may see the
// case (getCaseForActor); the report itself reads any case.
export async function GraduationRecordReview({ caseId }: { caseId: string }) {
  const report = await buildArchiveRecordReport({ caseId });
  if (!report) return <p>El usuario no adjuntó el expediente firmado por el Archivo Documental.</p>;
  return <ArchiveRecordReport report={report} />;
}
