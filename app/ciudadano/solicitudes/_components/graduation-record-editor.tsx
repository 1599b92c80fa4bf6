"use client";

import { ArchiveEmailLink } from "@/components/cases/archive-email-link";
import { ARCHIVE_FIRST_YEAR, ARCHIVE_LAST_YEAR, GRADUATION_RECORD_LABELS } from "@/lib/cases/forms/graduation-record-form";
import { ArchiveRecordUpload } from "./archive-record-upload";
import { ContactSection } from "./contact-phone-field";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { rankIn, summaryItemsOf } from "./error-summary";
import { FormSection, InputField } from "./fields";
import { fieldId } from "./form-state";
import {
  graduationPayloadOf,
  graduationSnapshotOf,
  graduationValuesFromFormData,
  type TGraduationRecordValues,
} from "./graduation-record-form-state";
import { StudentFields } from "./student-fields";
import { DraftButtons, SubmitBar } from "./submit-bar";
import { saveStatusText, useCaseDraft, type TDraftCodec, type TFieldErrorMap } from "./use-case-draft";

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER = [
  "student.firstNames",
  "student.lastNames",
  "student.cui",
  "student.birthDate",
  "record.degree",
  "record.institution",
  "record.graduationYear",
  "archiveOfficer.name",
  "archiveOfficer.post",
  "contactPhone",
  "files",
];

function errorPaths(errors: TFieldErrorMap): string[] {
  const rank = rankIn(FIELD_ORDER);
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// The values keep a year still being typed, which formData leaves out: they are what is compared
// and what this browser keeps.
const graduationRecordCodec: TDraftCodec<TGraduationRecordValues> = {
  procedure: "GRADUATION_RECORD",
  fromFormData: graduationValuesFromFormData,
  toFormData: graduationPayloadOf,
  snapshotOf: graduationSnapshotOf,
  toLocal: (values) => values,
  guardsNewForm: true,
  uploadsBusyMessage: "Espere a que termine de subir el expediente y vuelva a intentarlo.",
};

// The D.1.2 request form: the student's data and the record's, the archive officer's name and post
// as printed on the record, and the PDF the archive signed. Its draft life (autosave, the copy in
// this browser, submission) is use-case-draft's, like every request form's.
export function GraduationRecordEditor({ initial }: { initial: TEditorInitial; dideducs?: ReadonlyArray<{ id: string; name: string }> }) {
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const d = useCaseDraft(graduationRecordCodec, initial);
  const { values, update, fieldErrors } = d;

  const err = (path: string) => fieldErrors[path];
  const summaryItems = summaryItemsOf(fieldErrors, errorPaths(fieldErrors), (path) => (FIELD_ORDER.includes(path) ? fieldId(path) : "form-error"));
  const initialFile = initial.files[0] ?? null;
  const setRecord = (key: keyof TGraduationRecordValues["record"]) => (s: string) =>
    update((v) => ({ ...v, record: { ...v.record, [key]: s } }), [`record.${key}`]);
  const setOfficer = (key: keyof TGraduationRecordValues["archiveOfficer"]) => (s: string) =>
    update((v) => ({ ...v, archiveOfficer: { ...v.archiveOfficer, [key]: s } }), [`archiveOfficer.${key}`]);

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={d.formError} summaryItems={summaryItems}>
      <StudentFields
        intro="Escríbalos tal como aparecen en el expediente, aunque hoy se escriban distinto."
        values={values.student}
        errorsOf={err}
        onValue={(key, s) => update((v) => ({ ...v, student: { ...v.student, [key]: s } }), [`student.${key}`])}
      />

      <FormSection
        legend="Datos del expediente de graduación"
        intro={
          <>
            El Archivo Documental resguarda los expedientes de graduación de {ARCHIVE_FIRST_YEAR} a {ARCHIVE_LAST_YEAR}. Si aún no tiene el
            suyo, pídalo al correo <ArchiveEmailLink subject="Solicitud de expediente de graduación" />.
          </>
        }
      >
        <InputField
          id={fieldId("record.degree")}
          label={GRADUATION_RECORD_LABELS.degree}
          hint="Por ejemplo: Bachiller en Ciencias y Letras, Perito Contador, Maestra de Educación Primaria Urbana."
          maxLength={200}
          value={values.record.degree}
          errors={err("record.degree")}
          onValue={setRecord("degree")}
        />
        <div className="grid gap-4 sm:grid-cols-[3fr_1fr]">
          <InputField
            id={fieldId("record.institution")}
            label={GRADUATION_RECORD_LABELS.institution}
            hint="Nombre y lugar del establecimiento donde se graduó."
            maxLength={200}
            value={values.record.institution}
            errors={err("record.institution")}
            onValue={setRecord("institution")}
          />
          <InputField
            id={fieldId("record.graduationYear")}
            label={GRADUATION_RECORD_LABELS.graduationYear}
            hint="Cuatro dígitos"
            inputMode="numeric"
            maxLength={4}
            value={values.record.graduationYear}
            errors={err("record.graduationYear")}
            onValue={setRecord("graduationYear")}
          />
        </div>
      </FormSection>

      <FormSection
        legend="Quién firmó el expediente en el Archivo Documental"
        intro={
          <>
            Copie el nombre y el puesto de la persona que certificó el expediente, tal como aparecen en el PDF que le envió el Archivo.
            Atención al Ciudadano los compara con la firma electrónica del documento.
          </>
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("archiveOfficer.name")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerName}
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.name}
            errors={err("archiveOfficer.name")}
            onValue={setOfficer("name")}
          />
          <InputField
            id={fieldId("archiveOfficer.post")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerPost}
            hint="Por ejemplo: Encargada del Archivo Documental."
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.post}
            errors={err("archiveOfficer.post")}
            onValue={setOfficer("post")}
          />
        </div>
      </FormSection>

      <ContactSection {...d.text("contactPhone")} />

      <ArchiveRecordUpload
        initialFile={initialFile}
        {...d.uploadsFor()}
      />

      <SubmitBar statusText={saveStatusText(d.status, d.caseInfo.number)}>
        <DraftButtons draft={d} isCorrection={isCorrection} />
      </SubmitBar>
    </DraftForm>
  );
}
