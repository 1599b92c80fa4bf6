"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { DOCUMENT_KIND_LABELS, MODALITY_LABELS } from "@/lib/cases/forms/educational-record-form";
import type { TEditorInitial } from "./editor-initial";
import { FieldErrors, InputField, SelectField } from "./fields";
import {
  draftPayloadOf,
  emptyStudyRow,
  fieldId,
  normalizeErrorPath,
  snapshotOf,
  valuesFromFormData,
  type TEditorValues,
} from "./form-state";
import { FileUploads } from "./file-uploads";
import { saveStatusText, useCaseDraft, type TDraftCodec, type TFieldErrorMap } from "./use-case-draft";

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER_PREFIXES = ["modality", "documentKinds", "otherDescription", "student", "dideducId", "studies", "contactPhone", "files"];

function errorPaths(errors: TFieldErrorMap): string[] {
  const rank = (p: string) => {
    const i = FIELD_ORDER_PREFIXES.findIndex((prefix) => p === prefix || p.startsWith(`${prefix}.`));
    return i === -1 ? FIELD_ORDER_PREFIXES.length : i;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "es", { numeric: true }));
}

// The values keep what formData leaves out (the DIDEDUC, which lives on the case; a year still being
// typed; empty study rows), so they are what is compared and what this browser keeps.
function educationalRecordCodec(dideducId: string | null): TDraftCodec<TEditorValues> {
  return {
    procedure: "EDUCATIONAL_RECORD",
    fromFormData: (formData) => valuesFromFormData(formData, dideducId),
    toFormData: draftPayloadOf,
    dideducOf: (values) => values.dideducId,
    snapshotOf,
    toLocal: (values) => values,
    fromLocal: (stored) => {
      const v = stored as Partial<TEditorValues>;
      return valuesFromFormData(v, typeof v.dideducId === "string" ? v.dideducId : "");
    },
    errorPath: normalizeErrorPath,
    guardsNewForm: true,
  };
}

// The D.1.1 request form. Its draft life (autosave, the copy in this browser, submission) is
// use-case-draft's, like every request form's.
export function EducationalRecordEditor({
  initial,
  dideducs,
}: {
  initial: TEditorInitial;
  dideducs: ReadonlyArray<{ id: string; name: string }>;
}) {
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const d = useCaseDraft(educationalRecordCodec(initial.dideducId), initial);
  const { values, update, save, fieldErrors, formError, submitting, restored, uploadsBusy, status, caseInfo } = d;

  const err = (path: string) => fieldErrors[path];
  const summaryItems = errorPaths(fieldErrors).flatMap((path) =>
    fieldErrors[path].map((text) => ({ field: anchorFor(path), text })),
  );
  const isEscolar = values.modality !== "EXTRAESCOLAR";
  const levelLabel = isEscolar ? "Grado" : "Etapa";
  const institutionLabel = isEscolar ? "Establecimiento educativo" : "Programa";

  return (
    <form
      noValidate
      className="space-y-8"
      aria-describedby="estado-guardado"
      onSubmit={(e) => {
        // Enter in a field saves; sending is only ever the explicit button.
        e.preventDefault();
        void save(true);
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

      <fieldset className="space-y-3" id={fieldId("modality")} tabIndex={-1}>
        <legend className="mb-1 text-xl font-semibold">Tipo de estudios</legend>
        <FieldErrors id={fieldId("modality")} errors={err("modality")} />
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(Object.entries(MODALITY_LABELS) as Array<[string, string]>).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="modality"
                value={value}
                checked={values.modality === value}
                onChange={() => update((v) => ({ ...v, modality: value }), ["modality"])}
                className="size-5 accent-brand-700"
                aria-describedby={err("modality") ? `${fieldId("modality")}-error` : undefined}
              />
              <span className="font-semibold">{label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-3" id={fieldId("documentKinds")} tabIndex={-1}>
        <legend className="mb-1 text-xl font-semibold">Documentos que desea certificar</legend>
        <p className="text-sm text-slate-700">Marque todos los que va a adjuntar.</p>
        <FieldErrors id={fieldId("documentKinds")} errors={err("documentKinds")} />
        <div className="space-y-2">
          {(Object.entries(DOCUMENT_KIND_LABELS) as Array<[string, string]>).map(([value, label]) => {
            const id = fieldId(`documentKinds.${value}`);
            return (
              <div key={value} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  id={id}
                  checked={values.documentKinds.includes(value)}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    update(
                      (v) => ({
                        ...v,
                        documentKinds: checked ? [...v.documentKinds.filter((k) => k !== value), value] : v.documentKinds.filter((k) => k !== value),
                      }),
                      ["documentKinds"],
                    );
                  }}
                  className="size-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={id} className="font-semibold text-slate-900">
                  {label}
                </label>
              </div>
            );
          })}
        </div>
        {values.documentKinds.includes("OTROS") ? (
          <InputField
            id={fieldId("otherDescription")}
            label="Describa los otros documentos"
            hint="Por ejemplo: constancia de estudios de tercero básico."
            maxLength={300}
            value={values.otherDescription}
            errors={err("otherDescription")}
            onValue={(s) => update((v) => ({ ...v, otherDescription: s }), ["otherDescription"])}
          />
        ) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del estudiante</legend>
        <p className="text-sm text-slate-700">Escríbalos tal como aparecen en los documentos, aunque hoy se escriban distinto.</p>
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
        <legend className="mb-1 text-xl font-semibold">Dirección Departamental de Educación</legend>
        <SelectField
          id={fieldId("dideducId")}
          label="DIDEDUC a la que corresponden los documentos"
          hint="La Dirección Departamental del lugar donde estudió. Ella revisará sus documentos."
          placeholder="Seleccione una Dirección Departamental"
          options={dideducs.map((d) => ({ value: d.id, label: d.name }))}
          value={values.dideducId}
          errors={err("dideducId")}
          onValue={(s) => update((v) => ({ ...v, dideducId: s }), ["dideducId"])}
        />
      </fieldset>

      <fieldset className="space-y-4" id={fieldId("studies")} tabIndex={-1}>
        <legend className="mb-1 text-xl font-semibold">{isEscolar ? "Grados cursados" : "Etapas cursadas"}</legend>
        <p className="text-sm text-slate-700">
          {isEscolar
            ? "Un renglón por grado: el grado, el año en que lo cursó y el establecimiento."
            : "Un renglón por etapa: la etapa, el año en que la cursó y el programa."}
        </p>
        <FieldErrors id={fieldId("studies")} errors={err("studies")} />
        <ol className="space-y-4">
          {values.studies.map((row, index) => (
            <li key={row.key} className="rounded-md border border-slate-300 p-4">
              <fieldset className="space-y-3">
                <legend className="font-semibold text-slate-900">
                  {levelLabel} {index + 1}
                </legend>
                <FieldErrors id={fieldId(`studies.${index}`)} errors={err(`studies.${index}`)} />
                <div className="grid gap-3 sm:grid-cols-[2fr_1fr_3fr]">
                  <InputField
                    id={fieldId(`studies.${index}.level`)}
                    label={levelLabel}
                    hint={isEscolar ? "Por ejemplo: Primero primaria" : "Por ejemplo: Primera etapa"}
                    maxLength={120}
                    value={row.level}
                    errors={err(`studies.${index}.level`)}
                    onValue={(s) => update((v) => ({ ...v, studies: v.studies.map((r) => (r.key === row.key ? { ...r, level: s } : r)) }), [`studies.${index}.level`])}
                  />
                  <InputField
                    id={fieldId(`studies.${index}.year`)}
                    label="Año"
                    hint="Cuatro dígitos"
                    inputMode="numeric"
                    maxLength={4}
                    value={row.year}
                    errors={err(`studies.${index}.year`)}
                    onValue={(s) => update((v) => ({ ...v, studies: v.studies.map((r) => (r.key === row.key ? { ...r, year: s } : r)) }), [`studies.${index}.year`])}
                  />
                  <InputField
                    id={fieldId(`studies.${index}.institution`)}
                    label={institutionLabel}
                    hint={isEscolar ? "Nombre y lugar del establecimiento" : "Nombre del programa"}
                    maxLength={200}
                    value={row.institution}
                    errors={err(`studies.${index}.institution`)}
                    onValue={(s) =>
                      update((v) => ({ ...v, studies: v.studies.map((r) => (r.key === row.key ? { ...r, institution: s } : r)) }), [`studies.${index}.institution`])
                    }
                  />
                </div>
                {values.studies.length > 1 ? (
                  <Button
                    variant="ghost"
                    className="px-0"
                    onClick={() => update((v) => ({ ...v, studies: v.studies.filter((r) => r.key !== row.key) }))}
                  >
                    Quitar {levelLabel.toLowerCase()} {index + 1}
                  </Button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          onClick={() => {
            const row = emptyStudyRow();
            const next = update((v) => ({ ...v, studies: [...v.studies, row] }), ["studies"]);
            // Focus the new row's first field, so keyboard users continue there.
            requestAnimationFrame(() => document.getElementById(fieldId(`studies.${next.studies.length - 1}.level`))?.focus());
          }}
        >
          {isEscolar ? "Agregar otro grado" : "Agregar otra etapa"}
        </Button>
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

      <FileUploads
        initialFiles={initial.files}
        ensureCase={d.ensureCase}
        removeFile={d.removeFile}
        onBusyChange={d.onUploadsBusy}
        errors={err("files")}
        onFilesChanged={() => d.clearFieldErrors("files")}
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

// The summary links to the element that holds the message: the input itself, or its group.
const FIELD_ANCHORS = new Set(["modality", "otherDescription", "dideducId", "contactPhone"]);

function anchorFor(path: string): string {
  if (path === "studies" || /^studies\.\d+$/.test(path)) return fieldId("studies");
  if (path.startsWith("documentKinds")) return fieldId("documentKinds");
  if (path === "files") return fieldId("files");
  if (path.startsWith("student.") || path.startsWith("studies.") || FIELD_ANCHORS.has(path)) return fieldId(path);
  return "form-error";
}
