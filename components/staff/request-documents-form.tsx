"use client";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { FieldErrors } from "@/components/ui/field-errors";
import { REQUESTABLE_DOCUMENT_LABELS, REQUESTABLE_DOCUMENTS } from "@/lib/workflow/inputs";
import { OfficeFieldset, type TOfficeFormProps } from "./office-fieldset";
import { ReasonForm } from "./reason-form";

// Field names shared with the server action (components/staff/case-action-schemas.ts).
export const REQUESTED_DOCUMENT_FIELD_PREFIX = "documents.";
export const OBTAIN_AT_FIELDS = ["obtainAt.name", "obtainAt.phone", "obtainAt.address"] as const;

const FIELD_ORDER = ["reason", "documents", ...OBTAIN_AT_FIELDS];

const DOCUMENT_HINTS: Record<(typeof REQUESTABLE_DOCUMENTS)[number], string> = {
  CIERRE_DE_PENSUM: "Del establecimiento o programa donde la persona obtuvo el título.",
  CERTIFICACION_GENERAL_DE_CURSOS: "Con los cursos de la carrera y sus calificaciones.",
};

// "Rechazar y solicitar documentos" (D.2.1, Nota 2): the reason, which documents the DIDEDUC needs
// to verify the title, and where the person obtains them, picked from the DIDEDUC's directory and
// editable (the directory may be out of date, or another office issues them). The person reads all
// of it in the mail and on the request's page, and starts a new request that asks for these files.
export function RequestDocumentsForm({ offices, ...form }: TOfficeFormProps) {
  return (
    <ReasonForm
      {...form}
      alertId="request-documents-form-error"
      summaryOrder={FIELD_ORDER}
      reasonLabel="Motivo"
      reasonHint="Por qué la Dirección Departamental necesita estos documentos para verificar el título. La persona lo leerá en su solicitud y en el correo."
      variant="danger"
      pendingLabel="Rechazando…"
    >
      {({ errors, values }) => {
        const documentErrors = errors.documents ?? Object.entries(errors).find(([k]) => k.startsWith("documents."))?.[1];
        return (
          <>
            <fieldset className="space-y-3 rounded-md border border-slate-300 p-4" id="documents" tabIndex={-1} aria-describedby={documentErrors?.length ? "documents-error" : undefined}>
              <legend className="px-1 font-semibold">Documentos que debe adjuntar</legend>
              <FieldErrors id="documents" errors={documentErrors} />
              {REQUESTABLE_DOCUMENTS.map((doc) => {
                const name = `${REQUESTED_DOCUMENT_FIELD_PREFIX}${doc}`;
                return (
                  <CheckboxField
                    key={doc}
                    name={name}
                    label={REQUESTABLE_DOCUMENT_LABELS[doc]}
                    hint={DOCUMENT_HINTS[doc]}
                    defaultChecked={values[name] === "on"}
                  />
                );
              })}
            </fieldset>
            <OfficeFieldset
              legend="Dónde debe solicitarlos"
              selectId="obtain-at-office"
              selectHint="Al elegir una, sus datos se copian abajo; puede corregirlos o escribir otra oficina."
              fieldPrefix="obtainAt"
              offices={offices}
              values={values}
              errors={errors}
            />
          </>
        );
      }}
    </ReasonForm>
  );
}
