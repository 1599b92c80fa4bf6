"use client";

import { ArchiveEmailLink } from "@/components/cases/archive-email-link";
import { Notice } from "@/components/ui/notice";
import { OTHER_PROCEDURE_NAME, TITLE_SIGNATORIES, TITLE_SIGNATORY_LABELS, titleSignatoryStop } from "@/lib/cases/forms/title-signatory";
import { FieldErrors, FormSection } from "./fields";
import { fieldId } from "./form-state";

// What a person whose documents were signed by a Director Regional or a Minister is told: where to go
// instead (ATE-INS-04, C.1.1, at Atención al Ciudadano, Planta Central) and the Archive's mailbox the
// procedure names. Also used by D.2.2 when its registry says so.
export function OtherProcedureHelp() {
  return (
    <>
      <p className="mt-2">
        Ese trámite se llama <strong>«{OTHER_PROCEDURE_NAME}»</strong> (instructivo ATE-INS-04, numeral C.1.1) y lo atiende Atención al Ciudadano del
        Ministerio de Educación, en Planta Central. No se hace en Certifica.
      </p>
      <p className="mt-2">
        Para consultas sobre los documentos que resguarda el Archivo Documental del Ministerio, escriba a <ArchiveEmailLink subject="Auténtica de firma de documentos educativos (ATE-INS-04)" />.
      </p>
    </>
  );
}

// "¿Quién firmó…?" (issue #12, point 5): the usual signer lets the request go on; a Director Regional or
// a Minister stops it, said here in plain words. The draft keeps the answer and everything else.
export function TitleSignatoryField({
  legend,
  value,
  errors,
  onValue,
}: {
  legend: string;
  value: string;
  errors?: readonly string[];
  onValue: (value: string) => void;
}) {
  const id = fieldId("signedBy");
  const stop = titleSignatoryStop(value);
  // The refusal is said in the notice below; a second copy under the question would only repeat it.
  const shown = stop ? errors?.filter((e) => e !== stop) : errors;
  return (
    <FormSection
      legend={legend}
      intro="Lo encuentra al pie del documento, junto a la firma y el sello."
      className="space-y-3"
      id={id}
      tabIndex={-1}
    >
      <FieldErrors id={id} errors={shown} />
      <div className="flex flex-col gap-2">
        {TITLE_SIGNATORIES.map((option) => (
          <label key={option} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="signedBy"
              value={option}
              checked={value === option}
              onChange={() => onValue(option)}
              className="size-5 shrink-0 accent-brand-700"
              aria-describedby={stop ? `${id}-detener` : shown && shown.length > 0 ? `${id}-error` : undefined}
            />
            <span className="font-semibold">{TITLE_SIGNATORY_LABELS[option]}</span>
          </label>
        ))}
      </div>
      {stop ? (
        <div id={`${id}-detener`} data-testid="other-procedure-notice">
          <Notice tone="warning" title="Esta solicitud no se puede certificar aquí">
            <p>{stop}</p>
            <OtherProcedureHelp />
            <p className="mt-2">Su borrador queda guardado. Si se equivocó al elegir quién firmó, cambie la respuesta.</p>
          </Notice>
        </div>
      ) : null}
    </FormSection>
  );
}
