"use client";

import { OtherProcedureHelp } from "./title-signatory-field";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { lookupDiplomaRegistrationAction } from "@/app/ciudadano/actions/lookup-diploma-registration";
import { switchDiplomaToBefore2005Action } from "@/app/ciudadano/actions/switch-diploma-to-before-2005";
import {
  CGC_STAMP_CONFIRMATION_LABEL_D22,
  CGC_STAMP_REQUIREMENT_D22,
  DIPLOMA_FROM_2005_LABELS as L,
  isRegistryConfirmed,
  REGISTRY_CONFIRMATION_LABEL,
  REGISTRY_NAME_HINT,
  REGISTRY_NAME_LABEL,
  SWITCH_TO_BEFORE_2005_LABEL,
  UNDO_CONFIRMATION_LABEL,
  type TDiplomaLookupOutcome,
  type TDiplomaRegistryView,
} from "@/lib/cases/forms/diploma-from-2005-form";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { foldText } from "@/lib/registry/fold-text";
import { ContactPhoneField } from "./contact-phone-field";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { fieldErrorPaths, formMessageOf, rankIn, summaryItemsOf } from "./error-summary";
import { ConfirmCheckbox, FieldErrors, InputField } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { objectOf, optionalText, stringOf, studentPayloadOf, studentValuesOf, type TStudentValues } from "./form-values";
import { StudentFields } from "./student-fields";
import { DraftButtons, SubmitBar } from "./submit-bar";
import { clearLocal, saveStatusText, useCaseDraft, type TDraftCodec } from "./use-case-draft";

type TValues = {
  registrationNumber: string;
  confirmedRegistrationNumber: string;
  student: TStudentValues;
  contactPhone: string;
  cgcStampConfirmed: boolean;
};

type TLookup =
  | { kind: "none" }
  | { kind: "loading"; number: string }
  | { kind: "result"; outcome: TDiplomaLookupOutcome; key: string }
  | { kind: "error"; message: string };

// What a lookup answered for: the number and the graduate's CUI and birth date it was asked with.
function lookupKey(v: Pick<TValues, "registrationNumber" | "student">): string {
  return JSON.stringify([normalizeDiplomaNumber(v.registrationNumber), v.student.cui.replace(/\s+/g, ""), v.student.birthDate.trim()]);
}

const LOOKUP_FIELDS = ["registrationNumber", "student.cui", "student.birthDate"] as const;

const PROCEDURE = "DIPLOMA_FROM_2005" as const;

export const diplomaFrom2005Codec: TDraftCodec<TValues> = {
  procedure: PROCEDURE,
  fromFormData(formData) {
    const d = objectOf(formData);
    return {
      registrationNumber: stringOf(d.registrationNumber),
      confirmedRegistrationNumber: stringOf(d.confirmedRegistrationNumber),
      student: studentValuesOf(d.student, stringOf),
      contactPhone: stringOf(d.contactPhone),
      cgcStampConfirmed: d.cgcStampConfirmed === true,
    };
  },
  // Once the record is confirmed the name inputs are not shown (the name is the registry's), so
  // what they still hold is not sent: a stray character typed there before confirming would be
  // refused next to a field the person cannot see. The editor keeps it, and sends it again once
  // the confirmation is undone and the inputs are back.
  toFormData(v) {
    const confirmed = isRegistryConfirmed({ registrationNumber: v.registrationNumber, confirmedRegistrationNumber: v.confirmedRegistrationNumber });
    const student = studentPayloadOf(v.student);
    return {
      registrationNumber: optionalText(v.registrationNumber),
      confirmedRegistrationNumber: optionalText(v.confirmedRegistrationNumber),
      student: confirmed ? { ...student, firstNames: undefined, lastNames: undefined } : student,
      contactPhone: optionalText(v.contactPhone),
      cgcStampConfirmed: v.cgcStampConfirmed || undefined,
    };
  },
  // Nothing is stored under this procedure before the registry showed the title and the person
  // confirmed it: a number the registry does not know goes to D.2.1 instead.
  mayCreate: (v) => isRegistryConfirmed({ registrationNumber: v.registrationNumber, confirmedRegistrationNumber: v.confirmedRegistrationNumber }),
};

const FIELD_ORDER = [
  "student",
  "student.firstNames",
  "student.lastNames",
  "student.cui",
  "student.birthDate",
  "contactPhone",
  "registrationNumber",
  "confirmedRegistrationNumber",
  "files",
  "cgcStampConfirmed",
];

function anchorFor(path: string): string {
  if (path === "_form") return "form-error";
  if (path === "confirmedRegistrationNumber") return "resultado-registro";
  if (path === "student") return fieldId("student.firstNames");
  return fieldId(path);
}

// Whether the names typed are the registry's, ignoring accents, case and spacing.
function sameName(values: TValues, holderName: string): boolean {
  const typed = foldText(`${values.student.firstNames} ${values.student.lastNames}`);
  return typed === "" || typed === foldText(holderName);
}

// In place of the name inputs once the record is confirmed: the graduate's name as the registry
// has it, read-only (the submission stores it, never typed names: decision 0027), and the way back
// to the inputs, which still hold whatever was typed before in this page (not sent meanwhile).
function RegistryName({ name, loading, onUndo }: { name: string | null; loading: boolean; onUndo: () => void }) {
  return (
    <div className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="registry-name">
      <dl>
        <dt className="font-semibold text-slate-700">{REGISTRY_NAME_LABEL}</dt>
        <dd className="text-lg" data-testid="registry-name-value">
          {name ?? (loading ? "Consultando el registro de títulos…" : "Se muestra al buscar el número en el registro.")}
        </dd>
      </dl>
      <p className="text-sm text-slate-700">{REGISTRY_NAME_HINT}</p>
      <Button variant="secondary" onClick={onUndo}>
        {UNDO_CONFIRMATION_LABEL}
      </Button>
    </div>
  );
}

function RegistryRecord({ record }: { record: TDiplomaRegistryView }) {
  const rows: Array<[string, string]> = [
    ["Número de registro", record.registrationNumber],
    ["Nombre", record.holderName],
    ["Título", record.degree],
    ["Establecimiento", record.school],
    ["Año", String(record.year)],
    ["Dirección Departamental", record.dideducName ?? "No indicada"],
  ];
  return (
    <dl className="divide-y divide-slate-200 rounded-md border border-slate-300 bg-white" data-testid="registry-record">
      {rows.map(([term, value]) => (
        <div key={term} className="grid gap-1 px-3 py-2 sm:grid-cols-3">
          <dt className="font-semibold text-slate-700">{term}</dt>
          <dd className="sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// D.2.2 título de diversificado, escolar 2005 onwards. The citizen types the graduate's data, then
// the registration number printed at the title's top right, and looks it up: the registry's record
// is shown before anything is uploaded, only when the CUI or the birth date typed is the holder's
// (otherwise the same "not found" as an unknown number); "Sí, es mi título" saves the draft and opens the upload of the scan (front and back,
// CGC stamp). A number the registry does not know offers, in one click, the D.2.1 request with what
// was typed; a title signed by a regional director or a minister is explained (ATE-INS-04) and the
// form stops there. Autosave and error behaviour as the other request forms (use-case-draft).
export function DiplomaFrom2005Editor({ initial }: { initial: TEditorInitial; dideducs?: ReadonlyArray<{ id: string; name: string }> }) {
  const router = useRouter();
  const d = useCaseDraft(diplomaFrom2005Codec, initial);
  const { values, update, fieldErrors } = d;
  const [lookup, setLookup] = useState<TLookup>({ kind: "none" });
  const [switching, setSwitching] = useState(false);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [lookupErrors, setLookupErrors] = useState<Partial<Record<(typeof LOOKUP_FIELDS)[number], string[]>>>({});
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const err = (path: string) => lookupErrors[path as (typeof LOOKUP_FIELDS)[number]] ?? fieldErrors[path];
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const summaryItems = summaryItemsOf(fieldErrors, fieldErrorPaths(fieldErrors, rankIn(FIELD_ORDER)), anchorFor);

  const canonical = normalizeDiplomaNumber(values.registrationNumber);
  const current = lookup.kind === "result" && lookup.key === lookupKey(values) ? lookup.outcome : null;
  const confirmed = canonical !== null && values.confirmedRegistrationNumber === canonical;
  // Open once confirmed, unless the registry now answers otherwise for this number.
  const uploadOpen = confirmed && (current === null || current.status === "FOUND");
  const stopped = current?.status === "OTHER_PROCEDURE";
  const hasCase = d.caseInfo.id !== null;
  // Confirmed: the name is the registry's, shown read-only: the latest record found for the
  // confirmed number (also while a CUI or birth date edited since waits for a new lookup), else,
  // until the lookup made on opening answers, the name a sent request stored (`student.fullName`).
  const namesFromRegistry = uploadOpen;
  const found = lookup.kind === "result" && lookup.outcome.status === "FOUND" ? lookup.outcome.record : null;
  const lastFound = found && found.registrationNumber === values.confirmedRegistrationNumber ? found.holderName : null;
  const storedRegistryName = stringOf(objectOf(objectOf(initial.formData).student).fullName) || null;
  const registryName = lastFound ?? storedRegistryName;

  const runLookup = useCallback(async (typed: Pick<TValues, "registrationNumber" | "student">) => {
    setSwitchError(null);
    setLookupErrors({});
    setLookup({ kind: "loading", number: typed.registrationNumber });
    const key = lookupKey(typed);
    let result: Awaited<ReturnType<typeof lookupDiplomaRegistrationAction>>;
    try {
      result = await lookupDiplomaRegistrationAction(null, {
        registrationNumber: typed.registrationNumber,
        student: { cui: typed.student.cui, birthDate: typed.student.birthDate },
      });
    } catch {
      setLookup({ kind: "error", message: "No se pudo consultar el registro de títulos: no hay conexión con el servidor. Lo que escribió se conserva; inténtelo de nuevo." });
      return;
    }
    if (result.ok) {
      setLookup({ kind: "result", outcome: result.data, key });
      return;
    }
    const marked = LOOKUP_FIELDS.filter((f) => result.fieldErrors?.[f]);
    if (marked.length > 0) {
      setLookupErrors(Object.fromEntries(marked.map((f) => [f, result.fieldErrors![f]])));
      setLookup({ kind: "none" });
      requestAnimationFrame(() => document.getElementById(fieldId(marked[0]))?.focus());
      return;
    }
    setLookup({ kind: "error", message: result.formError });
  }, []);

  // A saved number is looked up again when the form opens: the registry may have changed since.
  const lookedUpOnOpen = useRef(false);
  useEffect(() => {
    if (lookedUpOnOpen.current) return;
    lookedUpOnOpen.current = true;
    const typed = valuesRef.current;
    if (normalizeDiplomaNumber(typed.registrationNumber) && (typed.student.cui.trim() || typed.student.birthDate.trim())) void runLookup(typed);
  }, [runLookup]);

  function onConfirm(record: TDiplomaRegistryView) {
    // The names are no longer asked nor sent: a message left on them would point at hidden inputs.
    update((v) => ({ ...v, confirmedRegistrationNumber: record.registrationNumber }), [
      "confirmedRegistrationNumber",
      "registrationNumber",
      "student",
      "student.firstNames",
      "student.lastNames",
    ]);
    // Saved at once: this creates the draft, and the upload needs it.
    void d.save(true).then(() => {
      requestAnimationFrame(() => document.getElementById("titulo-escaneado")?.focus());
    });
  }

  // "No es mi título": back to the name inputs (with what was typed before) and to the number.
  function onUndoConfirm() {
    update((v) => ({ ...v, confirmedRegistrationNumber: "" }), ["confirmedRegistrationNumber"]);
    requestAnimationFrame(() => document.getElementById(fieldId("student.firstNames"))?.focus());
  }

  async function onSwitch() {
    if (switching) return;
    setSwitching(true);
    setSwitchError(null);
    const v = valuesRef.current;
    try {
      const result = await switchDiplomaToBefore2005Action(null, { registrationNumber: v.registrationNumber, student: v.student, contactPhone: v.contactPhone });
      if (!result.ok) {
        setSwitchError(result.fieldErrors?.registrationNumber?.join(" ") ?? result.formError);
        return;
      }
      // What was typed now lives in the D.2.1 draft.
      clearLocal(PROCEDURE, null);
      router.push(result.data.href);
    } catch {
      setSwitchError("No se pudo crear la solicitud: no hay conexión con el servidor. Lo que escribió se conserva; inténtelo de nuevo.");
    } finally {
      setSwitching(false);
    }
  }

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={formMessageOf(d.formError, fieldErrors)} summaryItems={summaryItems}>
      <StudentFields
        legend="Datos de la persona graduada"
        intro={
          namesFromRegistry
            ? "El nombre es el del registro de títulos, que usted confirmó. El CUI o la fecha de nacimiento (basta uno) es lo que se compara con el registro."
            : "Escríbalos tal como aparecen en el título. El CUI o la fecha de nacimiento (basta uno) es lo que se compara con el registro de títulos para mostrarle su título; cuando lo confirme, el nombre se toma del registro."
        }
        labels={{ firstNames: L.firstNames, lastNames: L.lastNames, cui: L.cui, birthDate: L.birthDate }}
        values={values.student}
        errorsOf={err}
        namesInstead={namesFromRegistry ? <RegistryName name={registryName} loading={lookup.kind === "loading"} onUndo={onUndoConfirm} /> : undefined}
        onValue={(key, s) => {
          if (key === "cui" || key === "birthDate") setLookupErrors({});
          update((v) => ({ ...v, student: { ...v.student, [key]: s } }), [`student.${key}`, "student"]);
        }}
      >
        <ContactPhoneField label={L.contactPhone} {...d.text("contactPhone")} />
      </StudentFields>
      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Número de registro del título</legend>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <InputField
            id={fieldId("registrationNumber")}
            className="flex-1"
            label={L.registrationNumber}
            hint={L.registrationNumberHint}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={values.registrationNumber}
            errors={err("registrationNumber")}
            onValue={(s) => {
              setLookupErrors({});
              update((v) => ({ ...v, registrationNumber: s }), ["registrationNumber", "confirmedRegistrationNumber"]);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void runLookup(valuesRef.current);
              }
            }}
          />
          <Button
            variant="secondary"
            onClick={() => void runLookup(values)}
            disabled={lookup.kind === "loading"}
            aria-disabled={lookup.kind === "loading"}
          >
            {lookup.kind === "loading" ? "Buscando…" : "Buscar en el registro"}
          </Button>
        </div>

        <div id="resultado-registro" tabIndex={-1} aria-live="polite" className="space-y-3" data-testid="registry-lookup">
          <FieldErrors id="resultado-registro" errors={fieldErrors.confirmedRegistrationNumber} />
          {lookup.kind === "loading" ? <p>Buscando el número en el registro de títulos…</p> : null}
          {lookup.kind === "error" ? (
            <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900" role="alert">
              {lookup.message}
            </p>
          ) : null}
          {lookup.kind === "result" && !current ? (
            <p className="text-slate-700">Cambió el número, el CUI o la fecha de nacimiento: búsquelo de nuevo en el registro.</p>
          ) : null}

          {current?.status === "FOUND" ? (
            <section aria-labelledby="registro-encontrado" className="space-y-3">
              <h3 id="registro-encontrado" className="text-lg font-semibold">
                El registro de títulos del Ministerio de Educación tiene este título
              </h3>
              <RegistryRecord record={current.record} />
              {!confirmed && !sameName(values, current.record.holderName) ? (
                <Notice tone="warning">
                  <p>El nombre que escribió arriba no es igual al del registro: revise que este sea su título. Si lo confirma, la solicitud lleva el nombre del registro.</p>
                </Notice>
              ) : null}
              {confirmed ? (
                <p className="font-semibold text-green-800" data-testid="registry-confirmed">
                  Confirmó que estos son los datos de su título.
                </p>
              ) : (
                <div className="space-y-2">
                  <Button onClick={() => onConfirm(current.record)}>{REGISTRY_CONFIRMATION_LABEL}</Button>
                  <p className="text-sm text-slate-700">Si no son los datos de su título, revise el número que escribió y vuelva a buscarlo.</p>
                </div>
              )}
            </section>
          ) : null}

          {current?.status === "OTHER_PROCEDURE" ? (
            <section aria-labelledby="otro-procedimiento" className="space-y-3">
              <h3 id="otro-procedimiento" className="text-lg font-semibold">
                Este título sigue otro procedimiento (ATE-INS-04)
              </h3>
              <RegistryRecord record={current.record} />
              <Notice tone="warning" title="No puede solicitar aquí la certificación de este título">
                <p data-testid="other-procedure-message">{current.message}</p>
                <OtherProcedureHelp />
              </Notice>
            </section>
          ) : null}

          {current?.status === "NOT_FOUND" ? (
            <section aria-labelledby="no-encontrado" className="space-y-3">
              <Notice tone="warning" title="Título no encontrado en el registro">
                <p id="no-encontrado" data-testid="not-found-message">
                  {current.message}
                </p>
              </Notice>
              {switchError ? (
                <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900" role="alert">
                  {switchError}
                </p>
              ) : null}
              <Button onClick={() => void onSwitch()} disabled={switching} aria-disabled={switching}>
                {switching ? "Creando la solicitud…" : SWITCH_TO_BEFORE_2005_LABEL}
              </Button>
            </section>
          ) : null}
        </div>
      </fieldset>


      {/* Kept mounted while closed, so the list of files attached survives a change of number. */}
      <div hidden={!uploadOpen || stopped} className="space-y-4">
        <p id="titulo-escaneado" tabIndex={-1} className="sr-only">
          Título confirmado: adjunte el título escaneado.
        </p>
        <FileUploads
          initialFiles={initial.files}
          {...d.uploadsFor()}
          kind="SCAN"
          legend="Título escaneado (anverso y reverso)"
          requirement={CGC_STAMP_REQUIREMENT_D22}
        />
        <ConfirmCheckbox
          id={fieldId("cgcStampConfirmed")}
          group={{ id: fieldId("cgcStampConfirmed-grupo") }}
          label={CGC_STAMP_CONFIRMATION_LABEL_D22}
          checked={values.cgcStampConfirmed}
          errors={err("cgcStampConfirmed")}
          onChecked={(checked) => update((v) => ({ ...v, cgcStampConfirmed: checked }), ["cgcStampConfirmed"])}
        />
      </div>

      <SubmitBar
        statusText={hasCase ? saveStatusText(d.status, d.caseInfo.number) : "Su solicitud se guardará como borrador cuando confirme los datos de su título en el registro."}
      >
        {stopped ? null : uploadOpen ? (
          <DraftButtons draft={d} isCorrection={isCorrection} />
        ) : (
          <p className="font-semibold">Busque el número de su título en el registro y confirme sus datos para adjuntar el título escaneado y enviar la solicitud.</p>
        )}
      </SubmitBar>
    </DraftForm>
  );
}
