"use client";

import Link from "next/link";
import { DEMO_CONTACT_DETAIL, DemoDataMark } from "@/components/ui/demo-data-mark";
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
import { TITLE_SIGNATORY_QUESTION, titleSignatoryStop } from "@/lib/cases/forms/title-signatory";
import { REQUESTABLE_DOCUMENT_LABELS, type TRequestableDocument } from "@/lib/workflow/inputs";
import { diplomaPayloadOf, diplomaValuesFromFormData, typedGraduationYear, type TDiplomaBefore2005Values } from "./diploma-before-2005-form-state";
import { ContactSection } from "./contact-phone-field";
import { DideducSection } from "./dideduc-select";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { fieldErrorPaths, formMessageOf, summaryItemsOf } from "./error-summary";
import { ConfirmCheckbox, FieldErrors, FormSection, InputField, RadioGroupField } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { StudentFields } from "./student-fields";
import { TitleSignatoryField } from "./title-signatory-field";
import { DraftButtons, SubmitBar } from "./submit-bar";
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
  "signedBy",
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
  const summaryItems = summaryItemsOf(fieldErrors, fieldErrorPaths(fieldErrors, rank, (a, b) => a.localeCompare(b)), anchorFor);

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

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={formMessageOf(d.formError, fieldErrors)} summaryItems={summaryItems}>
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
          {requested.contact.isPlaceholder ? <DemoDataMark detail={DEMO_CONTACT_DETAIL} /> : null}
        </Notice>
      ) : null}

      <RadioGroupField
        name="modality"
        legend="Tipo de educación"
        intro={
          <>
            Este trámite es para títulos de educación escolar obtenidos antes de {FIRST_REGISTERED_SCHOOL_YEAR} y para títulos de educación extraescolar de
            cualquier año.
          </>
        }
        labels={DIPLOMA_MODALITY_LABELS}
        {...d.text("modality", ["modality", "title.graduationYear"])}
      />

      <FormSection legend="Datos del título" intro="Escríbalos tal como aparecen en el título.">
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
      </FormSection>

      <TitleSignatoryField
        legend={TITLE_SIGNATORY_QUESTION.DIPLOMA_BEFORE_2005}
        value={values.signedBy}
        errors={err("signedBy")}
        onValue={(s) => update((v) => ({ ...v, signedBy: s }), ["signedBy"])}
      />

      <FormSection
        legend="Registro de la Contraloría General de Cuentas"
        intro="Copie los datos del sello de registro de la Contraloría que lleva su título, tal como se leen. Si alguno no se lee o no aparece, déjelo vacío."
      >
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
      </FormSection>

      <StudentFields
        intro="Escríbalos tal como aparecen en el título, aunque hoy se escriban distinto."
        values={values.student}
        errorsOf={err}
        groupErrors={err("student")}
        onValue={(key, s) => update((v) => ({ ...v, student: { ...v.student, [key]: s } }), [`student.${key}`, "student"])}
      />

      <DideducSection
        label="DIDEDUC a la que corresponde el título"
        hint="La Dirección Departamental del lugar donde estudió. Ella revisará su título en sus registros."
        dideducs={dideducs}
        {...d.text("dideducId")}
      />

      <ContactSection {...d.text("contactPhone")} />

      <div className="space-y-4">
        <FileUploads
          initialFiles={titleFiles}
          {...d.uploadsFor()}
          kind="SCAN"
          legend="Título escaneado (anverso y reverso)"
          requirement={CGC_STAMP_REQUIREMENT}
        />
        <ConfirmCheckbox
          id={fieldId("cgcStampConfirmed")}
          errorsUnderLabel
          label={CGC_STAMP_CONFIRMATION_LABEL}
          checked={values.cgcStampConfirmed}
          errors={err("cgcStampConfirmed")}
          onChecked={(checked) => update((v) => ({ ...v, cgcStampConfirmed: checked }), ["cgcStampConfirmed"])}
        />
      </div>

      {supportingDocs.map((doc) => {
        const path = `requestedDocuments.${doc}`;
        const kind = REQUESTED_DOCUMENT_FILE_KINDS[doc];
        const isRequested = requested?.documents.includes(doc) ?? false;
        const demo = requested?.contact.isPlaceholder ? " (dato de demostración: confirme la dirección y el teléfono)" : "";
        const where = requested && isRequested ? ` Solicítelo en ${requested.contact.name} (${requested.contact.address}, teléfono ${requested.contact.phone})${demo}.` : "";
        return (
          <FileUploads
            key={doc}
            fieldPath={path}
            initialFiles={initial.files.filter((f) => f.kind === kind)}
            {...d.uploadsFor(path)}
            kind={kind}
            legend={isRequested ? `${REQUESTABLE_DOCUMENT_LABELS[doc]} (pedido por la Dirección Departamental)` : REQUESTABLE_DOCUMENT_LABELS[doc]}
            requirement={`${REQUESTED_DOCUMENT_HINTS[doc]}${where}`}
          />
        );
      })}

      <SubmitBar statusText={saveStatusText(d.status, d.caseInfo.number)}>
        <DraftButtons
          draft={d}
          isCorrection={isCorrection}
          blockedReason={titleSignatoryStop(values.signedBy) ? "No se puede enviar: el título lo firmó una autoridad cuya firma se autentica en otro trámite (vea arriba)." : null}
        />
      </SubmitBar>
    </DraftForm>
  );
}
