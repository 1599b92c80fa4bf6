import type { ReactNode } from "react";
import { FieldErrors, FormSection, InputField } from "./fields";
import { fieldId } from "./form-state";
import type { TStudentValues } from "./form-values";

const DEFAULT_LABELS = { firstNames: "Nombres", lastNames: "Apellidos", cui: "CUI del estudiante", birthDate: "Fecha de nacimiento" };

// The student's names, CUI and birth date, as written on the documents (paths "student.…").
// `groupErrors` are those about the student as a whole; `children` go after the fields.
// `namesInstead`, when given, is shown in place of the two name inputs (D.2.2: the name as the
// title registry has it, once the citizen confirmed the record).
export function StudentFields({
  legend = "Datos del estudiante",
  intro,
  labels,
  values,
  errorsOf,
  groupErrors,
  onValue,
  namesInstead,
  children,
}: {
  legend?: string;
  intro: ReactNode;
  labels?: Partial<Record<keyof TStudentValues, string>>;
  values: TStudentValues;
  errorsOf: (path: string) => readonly string[] | undefined;
  groupErrors?: readonly string[];
  onValue: (key: keyof TStudentValues, value: string) => void;
  namesInstead?: ReactNode;
  children?: ReactNode;
}) {
  const label = { ...DEFAULT_LABELS, ...labels };
  return (
    <FormSection legend={legend} intro={intro}>
      <FieldErrors id={fieldId("student")} errors={groupErrors} />
      {namesInstead}
      <div className="grid gap-4 sm:grid-cols-2">
        {namesInstead ? null : (
          <>
            <InputField
              id={fieldId("student.firstNames")}
              label={label.firstNames}
              autoComplete="off"
              maxLength={120}
              value={values.firstNames}
              errors={errorsOf("student.firstNames")}
              onValue={(s) => onValue("firstNames", s)}
            />
            <InputField
              id={fieldId("student.lastNames")}
              label={label.lastNames}
              autoComplete="off"
              maxLength={120}
              value={values.lastNames}
              errors={errorsOf("student.lastNames")}
              onValue={(s) => onValue("lastNames", s)}
            />
          </>
        )}
        <InputField
          id={fieldId("student.cui")}
          label={label.cui}
          hint="Los 13 dígitos del DPI, si lo tiene."
          optional
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={values.cui}
          errors={errorsOf("student.cui")}
          onValue={(s) => onValue("cui", s)}
        />
        <InputField
          id={fieldId("student.birthDate")}
          label={label.birthDate}
          optional
          type="date"
          value={values.birthDate}
          errors={errorsOf("student.birthDate")}
          onValue={(s) => onValue("birthDate", s)}
        />
      </div>
      {children}
    </FormSection>
  );
}
