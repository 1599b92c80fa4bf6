"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import {
  CGC_STAMP_CONFIRMATION_LABEL,
  CGC_STAMP_REQUIREMENT,
  DIPLOMA_FROM_2005_NEW_REQUEST_HREF,
  DIPLOMA_MODALITY_LABELS,
  FIRST_REGISTERED_SCHOOL_YEAR,
  REQUESTED_DOCUMENT_FILE_KINDS,
  REQUESTED_DOCUMENT_HINTS,
  requestedDocumentOfFileKind,
} from "@/lib/cases/forms/diploma-before-2005-form";
import { REGISTRY_MISS_NOTE } from "@/lib/cases/forms/diploma-registry-miss";
import { REQUESTABLE_DOCUMENT_LABELS, type TRequestableDocument } from "@/lib/workflow/inputs";
import { diplomaPayloadOf, diplomaValuesFromFormData, typedGraduationYear, type TDiplomaBefore2005Values } from "./diploma-before-2005-form-state";
import type { TEditorInitial } from "./editor-initial";
import { FieldErrors, InputField, SelectField } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { saveStatusText, useCaseDraft, type TDraftCodec } from "./use-case-draft";

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER = [
  "registryMiss",
  "modality",
  "title",
  "title.degree",
  "title.specialty",
  "title.institution",
  "title.graduationYear",
  "cgcStamp.registrationNumber",
  "cgcStamp.book",
  "cgcStamp.folio",
  "cgcStamp.date",
  "student",
  "student.firstNames",
  "student.lastNames",
  "student.cui",
  "student.birthDate",
  "dideducId",
  "contactPhone",
  "files",
  "cgcStampConfirmed",
];

// The summary links to the element that holds the message: the input, or the first one of its group.
function anchorFor(path: string): string {
  if (path === "_form") return "form-error";
  if (path === "title") return fieldId("title.degree");
  if (path === "student") return fieldId("student.firstNames");
  if (path === "cgcStamp") return fieldId("cgcStamp.registrationNumber");
  return fieldId(path);
}

function rank(path: string): number {
  const i = FIELD_ORDER.indexOf(path);
  if (i !== -1) return i;
  return path.startsWith("requestedDocuments.") ? FIELD_ORDER.indexOf("files") + 0.5 : FIELD_ORDER.length;
}

// D.2.1 título de diversificado (escolar before 2005, all extraescolar). Same autosave and error
// behaviour as the other request forms (lib: use-case-draft). The title's scans, front and back, go
// in one group with the Contraloría's stamp requirement stated there; a request started after a
// rejection requesting documents adds one group per document, each stored under its own kind.
export function DiplomaBefore2005Editor({ initial, dideducs }: { initial: TEditorInitial; dideducs: ReadonlyArray<{ id: string; name: string }> }) {
  const codec: TDraftCodec<TDiplomaBefore2005Values> = {
    procedure: "DIPLOMA_BEFORE_2005",
    fromFormData: (formData) => diplomaValuesFromFormData(formData, initial.dideducId),
    toFormData: (values) => diplomaPayloadOf(values),
    dideducOf: (values) => values.dideducId,
  };
  const d = useCaseDraft(codec, initial);
  const { values, update, fieldErrors } = d;
  const err = (path: string) => fieldErrors[path];
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const summaryItems = Object.keys(fieldErrors)
    .filter((p) => p !== "_form")
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .flatMap((path) => fieldErrors[path].map((text) => ({ field: anchorFor(path), text })));
  const formMessage = d.formError && fieldErrors._form ? `${d.formError} ${fieldErrors._form.join(" ")}` : d.formError;

  const isEscolar = values.modality === "ESCOLAR";
  const year = typedGraduationYear(values);
  // A title whose number D.2.2 did not find is certified here whatever its year.
  const fromRegistryMiss = values.registryMissNumber !== "";
  const goesToD22 = isEscolar && year !== null && year >= FIRST_REGISTERED_SCHOOL_YEAR && !fromRegistryMiss;
  const requested = initial.requestedDocuments ?? null;
  const titleFiles = initial.files.filter((f) => !f.kind || f.kind === "SCAN");
  // The groups of supporting documents: those requested now, and any carried over from before.
  const supportingDocs: TRequestableDocument[] = [
    ...new Set([
      ...(requested?.documents ?? []),
      ...initial.files.flatMap((f) => {
        const doc = f.kind ? requestedDocumentOfFileKind(f.kind) : null;
        return doc ? [doc] : [];
      }),
    ]),
  ];

  const setTitle = (key: keyof TDiplomaBefore2005Values["title"], path: string) => (s: string) =>
    update((v) => ({ ...v, title: { ...v.title, [key]: s } }), [path, "title"]);
  const setCgc = (key: keyof TDiplomaBefore2005Values["cgcStamp"]) => (s: string) =>
    update((v) => ({ ...v, cgcStamp: { ...v.cgcStamp, [key]: s } }), [`cgcStamp.${key}`]);
  const setStudent = (key: keyof TDiplomaBefore2005Values["student"]) => (s: string) =>
    update((v) => ({ ...v, student: { ...v.student, [key]: s } }), [`student.${key}`, "student"]);

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
      <FormAlert message={formMessage} title={isCorrection ? "No se pudieron enviar las correcciones" : "No se pudo enviar la solicitud"} items={summaryItems} />

      {d.restored ? (
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-brand-900">
          Recuperamos datos que escribió en este dispositivo y aún no se habían guardado.
        </p>
      ) : null}

      {fromRegistryMiss ? (
        <div id={fieldId("registryMiss")} tabIndex={-1}>
          <Notice title="Número de registro no encontrado">
            <p>{REGISTRY_MISS_NOTE(values.registryMissNumber)}</p>
            <FieldErrors id={fieldId("registryMiss")} errors={err("registryMiss")} />
          </Notice>
        </div>
      ) : null}

      {requested ? (
        <Notice tone="warning" title="La Dirección Departamental pidió más documentos">
          <p>
            Para verificar su título (solicitud {requested.parentNumber}) necesita:{" "}
            <strong>{requested.documents.map((doc) => REQUESTABLE_DOCUMENT_LABELS[doc]).join(" y ")}</strong>. Solicítelos en {requested.contact.name},{" "}
            {requested.contact.address}, teléfono {requested.contact.phone}. Adjúntelos abajo, cada uno en su sección; copiamos los datos y el título de su
            solicitud anterior.
          </p>
        </Notice>
      ) : null}

      <fieldset className="space-y-3" id={fieldId("modality")} tabIndex={-1}>
        <legend className="mb-1 text-xl font-semibold">Tipo de educación</legend>
        <p className="text-sm text-slate-700">
          Este trámite es para títulos de educación escolar obtenidos antes de {FIRST_REGISTERED_SCHOOL_YEAR} y para títulos de educación extraescolar de
          cualquier año.
        </p>
        <FieldErrors id={fieldId("modality")} errors={err("modality")} />
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(Object.entries(DIPLOMA_MODALITY_LABELS) as Array<[string, string]>).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="modality"
                value={value}
                checked={values.modality === value}
                onChange={() => update((v) => ({ ...v, modality: value }), ["modality", "title.graduationYear"])}
                className="size-5 accent-brand-700"
                aria-describedby={err("modality") ? `${fieldId("modality")}-error` : undefined}
              />
              <span className="font-semibold">{label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del título</legend>
        <p className="text-sm text-slate-700">Escríbalos tal como aparecen en el título.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("title.degree")}
            label="Título"
            hint="Por ejemplo: Bachiller en Ciencias y Letras, Perito Contador, Maestro de Educación Primaria Urbana."
            maxLength={200}
            value={values.title.degree}
            errors={err("title.degree") ?? err("title")}
            onValue={setTitle("degree", "title.degree")}
          />
          <InputField
            id={fieldId("title.specialty")}
            label="Especialidad u orientación"
            hint="Si el título la indica, por ejemplo: con Orientación en Computación."
            optional
            maxLength={200}
            value={values.title.specialty}
            errors={err("title.specialty")}
            onValue={setTitle("specialty", "title.specialty")}
          />
          <InputField
            id={fieldId("title.institution")}
            label={values.modality === "EXTRAESCOLAR" ? "Programa" : "Establecimiento educativo"}
            hint={values.modality === "EXTRAESCOLAR" ? "El programa de educación extraescolar que extendió el título." : "Nombre y lugar del establecimiento que extendió el título."}
            maxLength={200}
            value={values.title.institution}
            errors={err("title.institution")}
            onValue={setTitle("institution", "title.institution")}
          />
          <InputField
            id={fieldId("title.graduationYear")}
            label="Año de graduación"
            hint="Cuatro dígitos"
            inputMode="numeric"
            maxLength={4}
            value={values.title.graduationYear}
            errors={err("title.graduationYear")}
            onValue={setTitle("graduationYear", "title.graduationYear")}
          />
        </div>
        {goesToD22 ? (
          <Notice tone="warning" title="Este título se certifica con su número de registro">
            <p>
              Los títulos de educación escolar de {FIRST_REGISTERED_SCHOOL_YEAR} en adelante llevan un número de registro en la esquina superior derecha y se
              certifican en otro trámite, sin pasar por la Dirección Departamental.{" "}
              <Link href={DIPLOMA_FROM_2005_NEW_REQUEST_HREF} className="font-semibold">
                Solicitar la certificación de un título escolar de {FIRST_REGISTERED_SCHOOL_YEAR} en adelante
              </Link>
              . Si el año que escribió no es correcto, corríjalo aquí.
            </p>
          </Notice>
        ) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Registro de la Contraloría General de Cuentas</legend>
        <p className="text-sm text-slate-700">
          Copie los datos del sello de registro de la Contraloría que lleva su título, tal como se leen. Si alguno no se lee o no aparece, déjelo vacío.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("cgcStamp.registrationNumber")}
            label="Número de registro"
            optional
            maxLength={60}
            value={values.cgcStamp.registrationNumber}
            errors={err("cgcStamp.registrationNumber")}
            onValue={setCgc("registrationNumber")}
          />
          <InputField id={fieldId("cgcStamp.book")} label="Libro" optional maxLength={30} value={values.cgcStamp.book} errors={err("cgcStamp.book")} onValue={setCgc("book")} />
          <InputField id={fieldId("cgcStamp.folio")} label="Folio" optional maxLength={30} value={values.cgcStamp.folio} errors={err("cgcStamp.folio")} onValue={setCgc("folio")} />
          <InputField
            id={fieldId("cgcStamp.date")}
            label="Fecha del registro"
            hint="Como aparece en el sello."
            optional
            maxLength={40}
            value={values.cgcStamp.date}
            errors={err("cgcStamp.date")}
            onValue={setCgc("date")}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del estudiante</legend>
        <p className="text-sm text-slate-700">Escríbalos tal como aparecen en el título, aunque hoy se escriban distinto.</p>
        <FieldErrors id={fieldId("student")} errors={err("student")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("student.firstNames")}
            label="Nombres"
            autoComplete="off"
            maxLength={120}
            value={values.student.firstNames}
            errors={err("student.firstNames")}
            onValue={setStudent("firstNames")}
          />
          <InputField
            id={fieldId("student.lastNames")}
            label="Apellidos"
            autoComplete="off"
            maxLength={120}
            value={values.student.lastNames}
            errors={err("student.lastNames")}
            onValue={setStudent("lastNames")}
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
            onValue={setStudent("cui")}
          />
          <InputField
            id={fieldId("student.birthDate")}
            label="Fecha de nacimiento"
            optional
            type="date"
            value={values.student.birthDate}
            errors={err("student.birthDate")}
            onValue={setStudent("birthDate")}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Dirección Departamental de Educación</legend>
        <SelectField
          id={fieldId("dideducId")}
          label="DIDEDUC a la que corresponde el título"
          hint="La Dirección Departamental del lugar donde estudió. Ella revisará su título en sus registros."
          placeholder="Seleccione una Dirección Departamental"
          options={dideducs.map((o) => ({ value: o.id, label: o.name }))}
          value={values.dideducId}
          errors={err("dideducId")}
          onValue={(s) => update((v) => ({ ...v, dideducId: s }), ["dideducId"])}
        />
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

      <div className="space-y-4">
        <FileUploads
          initialFiles={titleFiles}
          ensureCase={d.ensureCase}
          removeFile={d.removeFile}
          onBusyChange={d.onUploadsBusy}
          errors={err("files")}
          onFilesChanged={() => d.clearFieldErrors("files")}
          kind="SCAN"
          legend="Título escaneado (anverso y reverso)"
          requirement={CGC_STAMP_REQUIREMENT}
        />
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            id={fieldId("cgcStampConfirmed")}
            checked={values.cgcStampConfirmed}
            onChange={(e) => {
              const checked = e.target.checked;
              update((v) => ({ ...v, cgcStampConfirmed: checked }), ["cgcStampConfirmed"]);
            }}
            aria-invalid={err("cgcStampConfirmed") ? true : undefined}
            aria-describedby={err("cgcStampConfirmed") ? `${fieldId("cgcStampConfirmed")}-error` : undefined}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <div>
            <label htmlFor={fieldId("cgcStampConfirmed")} className="font-semibold text-slate-900">
              {CGC_STAMP_CONFIRMATION_LABEL}
            </label>
            <FieldErrors id={fieldId("cgcStampConfirmed")} errors={err("cgcStampConfirmed")} />
          </div>
        </div>
      </div>

      {supportingDocs.map((doc) => {
        const path = `requestedDocuments.${doc}`;
        const kind = REQUESTED_DOCUMENT_FILE_KINDS[doc];
        const isRequested = requested?.documents.includes(doc) ?? false;
        const where = requested && isRequested ? ` Solicítelo en ${requested.contact.name} (${requested.contact.address}, teléfono ${requested.contact.phone}).` : "";
        return (
          <FileUploads
            key={doc}
            fieldPath={path}
            initialFiles={initial.files.filter((f) => f.kind === kind)}
            ensureCase={d.ensureCase}
            removeFile={d.removeFile}
            onBusyChange={d.onUploadsBusy}
            errors={err(path)}
            onFilesChanged={() => d.clearFieldErrors(path)}
            kind={kind}
            legend={isRequested ? `${REQUESTABLE_DOCUMENT_LABELS[doc]} (pedido por la Dirección Departamental)` : REQUESTABLE_DOCUMENT_LABELS[doc]}
            requirement={`${REQUESTED_DOCUMENT_HINTS[doc]}${where}`}
          />
        );
      })}

      <div className="space-y-4 border-t border-slate-300 pt-6">
        <p id="estado-guardado" role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
          {saveStatusText(d.status, d.caseInfo.number)}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" variant="secondary" disabled={d.submitting}>
            Guardar borrador
          </Button>
          <Button type="button" onClick={() => void d.submit()} disabled={d.submitting || d.uploadsBusy} aria-disabled={d.submitting || d.uploadsBusy}>
            {d.submitting ? "Enviando…" : isCorrection ? "Enviar correcciones" : "Enviar solicitud"}
          </Button>
        </div>
      </div>
    </form>
  );
}
