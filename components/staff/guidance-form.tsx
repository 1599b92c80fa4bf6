"use client";

import { OfficeFieldset, type TOfficeFormProps, type TSupervisionOfficeOption } from "./office-fieldset";
import { ReasonForm } from "./reason-form";

export type { TSupervisionOfficeOption };

const FIELD_ORDER = ["reason", "supervision.name", "supervision.phone", "supervision.address"];

// "Rechazar e indicar dónde acudir": the reason, and the office the citizen must go to.
export function GuidanceForm({ offices, ...form }: TOfficeFormProps) {
  return (
    <ReasonForm
      {...form}
      alertId="guidance-form-error"
      summaryOrder={FIELD_ORDER}
      reasonLabel="Motivo del rechazo"
      reasonHint="Por qué no fue posible verificar los documentos. La persona lo leerá en su solicitud y en el correo."
      variant="danger"
      pendingLabel="Rechazando…"
    >
      {({ errors, values }) => (
        <OfficeFieldset
          legend="Oficina a la que debe acudir"
          selectId="supervision-office"
          selectHint="Al elegir una, sus datos se copian abajo; puede corregirlos."
          fieldPrefix="supervision"
          offices={offices}
          values={values}
          errors={errors}
        />
      )}
    </ReasonForm>
  );
}
