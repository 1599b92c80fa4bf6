"use client";

import { Button } from "@/components/ui/button";
import { BLANK_BACK_HINT, BLANK_BACK_LABEL, DOCUMENT_KIND_LABELS, MODALITY_LABELS } from "@/lib/cases/forms/educational-record-form";
import { TITLE_SIGNATORY_QUESTION, titleSignatoryStop } from "@/lib/cases/forms/title-signatory";
import { ContactSection } from "./contact-phone-field";
import { DideducSection } from "./dideduc-select";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { summaryItemsOf } from "./error-summary";
import { CheckboxList, ConfirmCheckbox, FieldErrors, FormSection, InputField, RadioGroupField, toggled } from "./fields";
import {
  draftPayloadOf,
  emptyStudyRow,
  fieldId,
  normalizeErrorPath,
  snapshotOf,
  valuesFromFormData,
  type TEditorValues,
  type TStudyRow,
} from "./form-state";
import { FileUploads } from "./file-uploads";
import { StudentFields } from "./student-fields";
import { TitleSignatoryField } from "./title-signatory-field";
import { DraftButtons, SubmitBar } from "./submit-bar";
import { saveStatusText, useCaseDraft, type TDraftCodec, type TFieldErrorMap } from "./use-case-draft";

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER_PREFIXES = ["modality", "documentKinds", "otherDescription", "signedBy", "student", "dideducId", "studies", "contactPhone", "files", "blankBack"];

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
  const { values, update, fieldErrors } = d;

  const err = (path: string) => fieldErrors[path];
  const summaryItems = summaryItemsOf(fieldErrors, errorPaths(fieldErrors), anchorFor);
  const isEscolar = values.modality !== "EXTRAESCOLAR";
  const levelLabel = isEscolar ? "Grado" : "Etapa";
  const institutionLabel = isEscolar ? "Establecimiento educativo" : "Programa";
  const setRow = (row: TStudyRow, index: number, key: "level" | "year" | "institution") => (s: string) =>
    update((v) => ({ ...v, studies: v.studies.map((r) => (r.key === row.key ? { ...r, [key]: s } : r)) }), [`studies.${index}.${key}`]);

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={d.formError} summaryItems={summaryItems}>
      <RadioGroupField name="modality" legend="Tipo de estudios" labels={MODALITY_LABELS} {...d.text("modality")} />

      <FormSection legend="Documentos que desea certificar" intro="Marque todos los que va a adjuntar." className="space-y-3" id={fieldId("documentKinds")} tabIndex={-1}>
        <FieldErrors id={fieldId("documentKinds")} errors={err("documentKinds")} />
        <CheckboxList
          className="space-y-2"
          options={Object.entries(DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          checked={values.documentKinds}
          idOf={(value) => fieldId(`documentKinds.${value}`)}
          onToggle={(value, checked) => update((v) => ({ ...v, documentKinds: toggled(v.documentKinds, value, checked) }), ["documentKinds"])}
        />
        {values.documentKinds.includes("OTROS") ? (
          <InputField
            label="Describa los otros documentos"
            hint="Por ejemplo: constancia de estudios de tercero básico."
            maxLength={300}
            {...d.text("otherDescription")}
          />
        ) : null}
      </FormSection>

      <TitleSignatoryField
        legend={TITLE_SIGNATORY_QUESTION.EDUCATIONAL_RECORD}
        value={values.signedBy}
        errors={err("signedBy")}
        onValue={(s) => update((v) => ({ ...v, signedBy: s }), ["signedBy"])}
      />

      <StudentFields
        intro="Escríbalos tal como aparecen en los documentos, aunque hoy se escriban distinto."
        values={values.student}
        errorsOf={err}
        onValue={(key, s) => update((v) => ({ ...v, student: { ...v.student, [key]: s } }), [`student.${key}`])}
      />

      <DideducSection
        label="DIDEDUC a la que corresponden los documentos"
        hint="La Dirección Departamental del lugar donde estudió. Ella revisará sus documentos."
        dideducs={dideducs}
        {...d.text("dideducId")}
      />

      <FormSection
        legend={isEscolar ? "Grados cursados" : "Etapas cursadas"}
        intro={
          isEscolar
            ? "Un renglón por grado: el grado, el año en que lo cursó y el establecimiento."
            : "Un renglón por etapa: la etapa, el año en que la cursó y el programa."
        }
        id={fieldId("studies")}
        tabIndex={-1}
      >
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
                    onValue={setRow(row, index, "level")}
                  />
                  <InputField
                    id={fieldId(`studies.${index}.year`)}
                    label="Año"
                    hint="Cuatro dígitos"
                    inputMode="numeric"
                    maxLength={4}
                    value={row.year}
                    errors={err(`studies.${index}.year`)}
                    onValue={setRow(row, index, "year")}
                  />
                  <InputField
                    id={fieldId(`studies.${index}.institution`)}
                    label={institutionLabel}
                    hint={isEscolar ? "Nombre y lugar del establecimiento" : "Nombre del programa"}
                    maxLength={200}
                    value={row.institution}
                    errors={err(`studies.${index}.institution`)}
                    onValue={setRow(row, index, "institution")}
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
      </FormSection>

      <ContactSection {...d.text("contactPhone")} />

      <FileUploads
        initialFiles={initial.files}
        {...d.uploadsFor()}
        requirement="Escanee cada documento original por ambos lados (anverso y reverso)."
        fileExtra={(file) =>
          file.pages === 1 ? (
            <div className="rounded-md bg-amber-50 p-3">
              <p id={`${fieldId(`blankBack.${file.id}`)}-hint`} className="mb-2 text-sm text-amber-950">
                {BLANK_BACK_HINT}
              </p>
              <ConfirmCheckbox
                id={fieldId(`blankBack.${file.id}`)}
                errorsUnderLabel
                label={
                  <>
                    {BLANK_BACK_LABEL}
                    <span className="sr-only"> ({file.name})</span>
                  </>
                }
                checked={values.blankBackFileIds.includes(file.id)}
                errors={err(`blankBack.${file.id}`)}
                onChecked={(checked) =>
                  update((v) => ({ ...v, blankBackFileIds: toggled(v.blankBackFileIds, file.id, checked) }), [`blankBack.${file.id}`])
                }
              />
            </div>
          ) : null
        }
      />

      <SubmitBar statusText={saveStatusText(d.status, d.caseInfo.number)}>
        <DraftButtons
          draft={d}
          isCorrection={isCorrection}
          blockedReason={titleSignatoryStop(values.signedBy) ? "No se puede enviar: los documentos los firmó una autoridad cuya firma se autentica en otro trámite (vea arriba)." : null}
        />
      </SubmitBar>
    </DraftForm>
  );
}

// The summary links to the element that holds the message: the input itself, or its group.
const FIELD_ANCHORS = new Set(["modality", "otherDescription", "signedBy", "dideducId", "contactPhone"]);

function anchorFor(path: string): string {
  if (path === "studies" || /^studies\.\d+$/.test(path)) return fieldId("studies");
  if (path.startsWith("documentKinds")) return fieldId("documentKinds");
  if (path === "files") return fieldId("files");
  if (path.startsWith("blankBack.")) return fieldId(path);
  if (path.startsWith("student.") || path.startsWith("studies.") || FIELD_ANCHORS.has(path)) return fieldId(path);
  return "form-error";
}
