"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ARCHIVE_FIRST_YEAR, ARCHIVE_LAST_YEAR, GRADUATION_RECORD_LABELS } from "@/lib/cases/forms/graduation-record-form";
import { ArchiveRecordUpload } from "./archive-record-upload";
import type { TEditorInitial } from "./editor-initial";
import { InputField } from "./fields";
import { fieldId } from "./form-state";
import {
  graduationPayloadOf,
  graduationSnapshotOf,
  graduationValuesFromFormData,
  type TGraduationRecordValues,
} from "./graduation-record-form-state";
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
  const rank = (p: string) => {
    const i = FIELD_ORDER.indexOf(p);
    return i === -1 ? FIELD_ORDER.length : i;
  };
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
  const { values, update, fieldErrors, formError, submitting, restored, uploadsBusy, status, caseInfo } = d;

  const err = (path: string) => fieldErrors[path];
  const summaryItems = errorPaths(fieldErrors).flatMap((path) =>
    fieldErrors[path].map((text) => ({ field: FIELD_ORDER.includes(path) ? fieldId(path) : "form-error", text })),
  );
  const initialFile = initial.files[0] ?? null;

  return (
    <form
      noValidate
      className="space-y-8"
      aria-describedby="estado-guardado"
      onSubmit={(e) => {
        // Enter in a field saves; sending is only ever the explicit button.
        e.preventDefault();
        void d.save(true);
      }}
    >
      <FormAlert
        message={formError}
        title={isCorrection ? "No se pudieron enviar las correcciones" : "No se pudo enviar la solicitud"}
        items={summaryItems}
      />

      {restored ? (
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-brand-900">
          Recuperamos datos que escribió en este dispositivo y aún no se habían guardado.
        </p>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del estudiante</legend>
        <p className="text-sm text-slate-700">Escríbalos tal como aparecen en el expediente, aunque hoy se escriban distinto.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("student.firstNames")}
            label="Nombres"
            autoComplete="off"
            maxLength={120}
            value={values.student.firstNames}
            errors={err("student.firstNames")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, firstNames: s } }), ["student.firstNames"])}
          />
          <InputField
            id={fieldId("student.lastNames")}
            label="Apellidos"
            autoComplete="off"
            maxLength={120}
            value={values.student.lastNames}
            errors={err("student.lastNames")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, lastNames: s } }), ["student.lastNames"])}
          />
          <InputField
            id={fieldId("student.cui")}
            label="CUI del estudiante"
            hint="Los 13 dígitos del DPI, si lo tiene."
            optional
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={values.student.cui}
            errors={err("student.cui")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, cui: s } }), ["student.cui"])}
          />
          <InputField
            id={fieldId("student.birthDate")}
            label="Fecha de nacimiento"
            optional
            type="date"
            value={values.student.birthDate}
            errors={err("student.birthDate")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, birthDate: s } }), ["student.birthDate"])}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del expediente de graduación</legend>
        <p className="text-sm text-slate-700">
          El Archivo Documental resguarda los expedientes de graduación de {ARCHIVE_FIRST_YEAR} a {ARCHIVE_LAST_YEAR}.
        </p>
        <InputField
          id={fieldId("record.degree")}
          label={GRADUATION_RECORD_LABELS.degree}
          hint="Por ejemplo: Bachiller en Ciencias y Letras, Perito Contador, Maestra de Educación Primaria Urbana."
          maxLength={200}
          value={values.record.degree}
          errors={err("record.degree")}
          onValue={(s) => update((v) => ({ ...v, record: { ...v.record, degree: s } }), ["record.degree"])}
        />
        <div className="grid gap-4 sm:grid-cols-[3fr_1fr]">
          <InputField
            id={fieldId("record.institution")}
            label={GRADUATION_RECORD_LABELS.institution}
            hint="Nombre y lugar del establecimiento donde se graduó."
            maxLength={200}
            value={values.record.institution}
            errors={err("record.institution")}
            onValue={(s) => update((v) => ({ ...v, record: { ...v.record, institution: s } }), ["record.institution"])}
          />
          <InputField
            id={fieldId("record.graduationYear")}
            label={GRADUATION_RECORD_LABELS.graduationYear}
            hint="Cuatro dígitos"
            inputMode="numeric"
            maxLength={4}
            value={values.record.graduationYear}
            errors={err("record.graduationYear")}
            onValue={(s) => update((v) => ({ ...v, record: { ...v.record, graduationYear: s } }), ["record.graduationYear"])}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Quién firmó el expediente en el Archivo Documental</legend>
        <p className="text-sm text-slate-700">
          Copie el nombre y el puesto de la persona que certificó el expediente, tal como aparecen en el PDF que le envió el Archivo.
          Atención al Ciudadano los compara con la firma electrónica del documento.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("archiveOfficer.name")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerName}
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.name}
            errors={err("archiveOfficer.name")}
            onValue={(s) => update((v) => ({ ...v, archiveOfficer: { ...v.archiveOfficer, name: s } }), ["archiveOfficer.name"])}
          />
          <InputField
            id={fieldId("archiveOfficer.post")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerPost}
            hint="Por ejemplo: Encargada del Archivo Documental."
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.post}
            errors={err("archiveOfficer.post")}
            onValue={(s) => update((v) => ({ ...v, archiveOfficer: { ...v.archiveOfficer, post: s } }), ["archiveOfficer.post"])}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Contacto</legend>
        <InputField
          id={fieldId("contactPhone")}
          label="Teléfono para consultas sobre esta solicitud"
          optional
          type="tel"
          autoComplete="tel-national"
          maxLength={30}
          value={values.contactPhone}
          errors={err("contactPhone")}
          onValue={(s) => update((v) => ({ ...v, contactPhone: s }), ["contactPhone"])}
        />
      </fieldset>

      <ArchiveRecordUpload
        initialFile={initialFile}
        ensureCase={d.ensureCase}
        removeFile={d.removeFile}
        onBusyChange={d.onUploadsBusy}
        errors={err("files")}
        onFileChanged={() => d.clearFieldErrors("files")}
      />

      <div className="space-y-4 border-t border-slate-300 pt-6">
        <p id="estado-guardado" role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
          {saveStatusText(status, caseInfo.number)}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" variant="secondary" disabled={submitting}>
            Guardar borrador
          </Button>
          <Button type="button" onClick={() => void d.submit()} disabled={submitting || uploadsBusy} aria-disabled={submitting || uploadsBusy}>
            {submitting ? "Enviando…" : isCorrection ? "Enviar correcciones" : "Enviar solicitud"}
          </Button>
        </div>
      </div>
    </form>
  );
}
