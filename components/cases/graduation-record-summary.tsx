import { GRADUATION_RECORD_LABELS } from "@/lib/cases/forms/graduation-record-form";
import { recordOf, StudentRows, SummaryRow, textOf } from "@/components/cases/summary-rows";

// The typed data of a D.1.2 request, read-only, as the applicant entered it: the citizen's page
// after sending, and the staff's case view. Tolerant of missing fields.
export function GraduationRecordSummary({ formData }: { formData: unknown }) {
  const data = recordOf(formData);
  const student = recordOf(data.student);
  const record = recordOf(data.record);
  const officer = recordOf(data.archiveOfficer);
  return (
    <dl className="divide-y divide-slate-200" data-testid="case-summary">
      <StudentRows student={student} />
      <SummaryRow term={GRADUATION_RECORD_LABELS.degree} value={textOf(record.degree)} />
      <SummaryRow term={GRADUATION_RECORD_LABELS.institution} value={textOf(record.institution)} />
      <SummaryRow term={GRADUATION_RECORD_LABELS.graduationYear} value={textOf(record.graduationYear)} />
      <SummaryRow term="Firmó en el Archivo (según el usuario)" value={textOf(officer.name)} testId="typed-officer-name" />
      <SummaryRow term="Puesto (según el usuario)" value={textOf(officer.post)} testId="typed-officer-post" />
      {textOf(data.contactPhone) ? <SummaryRow term="Teléfono de contacto" value={textOf(data.contactPhone)} /> : null}
    </dl>
  );
}
