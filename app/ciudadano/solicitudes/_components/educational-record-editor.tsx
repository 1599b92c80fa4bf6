"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { DOCUMENT_KIND_LABELS, MODALITY_LABELS } from "@/lib/cases/forms/educational-record-form";
import { removeCaseFileAction } from "@/app/ciudadano/actions/remove-case-file";
import { saveCaseDraftAction } from "@/app/ciudadano/actions/save-case-draft";
import { submitCaseAction } from "@/app/ciudadano/actions/submit-case";
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
import { FileUploads, type TListedFile } from "./file-uploads";
import type { TRequestedDocuments } from "@/lib/cases/find-requested-documents";

export type TEditorInitial = {
  caseId: string | null;
  number: string | null;
  version: number | null;
  state: "DRAFT" | "NEEDS_CORRECTION";
  formData: unknown;
  dideducId: string | null;
  // When the server copy was last written (ISO), to tell whether a copy kept in this browser is newer.
  updatedAt: string | null;
  files: TListedFile[];
  // A request started after a rejection requesting documents (D.2.1 Nota 2): what to attach.
  requestedDocuments?: TRequestedDocuments | null;
};

type TSaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

type TFieldErrorMap = Record<string, string[]>;

const AUTOSAVE_DELAY_MS = 1200;
const PROCEDURE = "EDUCATIONAL_RECORD" as const;

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER_PREFIXES = ["modality", "documentKinds", "otherDescription", "student", "dideducId", "studies", "contactPhone", "files"];

const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "America/Guatemala" });

function localKey(caseId: string | null): string {
  return caseId ? `certifica:borrador:${caseId}` : `certifica:borrador:nuevo:${PROCEDURE}`;
}

type TLocalCopy = { at: number; values: TEditorValues };

function readLocal(caseId: string | null): TLocalCopy | null {
  try {
    const raw = window.localStorage.getItem(localKey(caseId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as TLocalCopy;
    if (typeof parsed?.at !== "number" || typeof parsed.values !== "object" || parsed.values === null) return null;
    // Through the same tolerant reader as server data: an old or tampered copy cannot break the form.
    const v = parsed.values as Partial<TEditorValues>;
    return { at: parsed.at, values: valuesFromFormData(v, typeof v.dideducId === "string" ? v.dideducId : "") };
  } catch {
    return null;
  }
}

function writeLocal(caseId: string | null, values: TEditorValues): void {
  try {
    window.localStorage.setItem(localKey(caseId), JSON.stringify({ at: Date.now(), values }));
  } catch {
    // Private mode or a full quota: the server copy is still saved.
  }
}

function clearLocal(caseId: string | null): void {
  try {
    window.localStorage.removeItem(localKey(caseId));
  } catch {
    // Nothing to do.
  }
}

function errorPaths(errors: TFieldErrorMap): string[] {
  const rank = (p: string) => {
    const i = FIELD_ORDER_PREFIXES.findIndex((prefix) => p === prefix || p.startsWith(`${prefix}.`));
    return i === -1 ? FIELD_ORDER_PREFIXES.length : i;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "es", { numeric: true }));
}

// The D.1.1 request form. Everything typed lives in this component's state and is saved as the
// citizen goes (debounced), also to this browser's storage until the server confirms it, so a
// reload, a refused submission or a failed upload loses nothing.
export function EducationalRecordEditor({
  initial,
  dideducs,
}: {
  initial: TEditorInitial;
  dideducs: ReadonlyArray<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const [values, setValues] = useState<TEditorValues>(() => valuesFromFormData(initial.formData, initial.dideducId));
  const [caseInfo, setCaseInfo] = useState({ id: initial.caseId, number: initial.number });
  const [status, setStatus] = useState<TSaveStatus>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<TFieldErrorMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const [uploadsBusy, setUploadsBusy] = useState(false);

  const valuesRef = useRef(values);
  const caseRef = useRef({ id: initial.caseId, number: initial.number, version: initial.version });
  const savedSnapshotRef = useRef(snapshotOf(values));
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const uploadsBusyRef = useRef(false);

  const runSave = useCallback(async (force: boolean): Promise<boolean> => {
    const current = valuesRef.current;
    const snapshot = snapshotOf(current);
    if (!force && caseRef.current.id && snapshot === savedSnapshotRef.current) return true;
    if (caseRef.current.id && snapshot === savedSnapshotRef.current && force) {
      setStatus({ kind: "saved", at: new Date() });
      return true;
    }
    setStatus({ kind: "saving" });
    const { id, version } = caseRef.current;
    let result: Awaited<ReturnType<typeof saveCaseDraftAction>>;
    try {
      result = await saveCaseDraftAction(null, {
        caseId: id ?? undefined,
        procedure: PROCEDURE,
        dideducId: current.dideducId || undefined,
        formData: draftPayloadOf(current),
        expectedVersion: id && version != null ? version : undefined,
      });
    } catch {
      setStatus({
        kind: "error",
        message: "No se pudo guardar el borrador: no hay conexión con el servidor. Sus datos siguen en este dispositivo; se guardarán al reintentar.",
      });
      return false;
    }
    if (!result.ok) {
      setStatus({ kind: "error", message: `No se pudo guardar el borrador. ${result.formError}` });
      if (result.fieldErrors) {
        const mapped: TFieldErrorMap = {};
        for (const [path, messages] of Object.entries(result.fieldErrors)) mapped[normalizeErrorPath(path, current)] = messages;
        setFieldErrors((prev) => ({ ...prev, ...mapped }));
      }
      return false;
    }
    const firstSave = !id;
    caseRef.current = { id: result.data.caseId, number: result.data.number, version: result.data.version };
    savedSnapshotRef.current = snapshot;
    setCaseInfo({ id: result.data.caseId, number: result.data.number });
    setStatus({ kind: "saved", at: new Date(result.data.savedAt) });
    if (firstSave) {
      // Same page, now at the case's own address: a reload opens this draft. Next.js keeps the
      // component (and focus) when history is changed this way.
      window.history.replaceState(null, "", `/ciudadano/solicitudes/${encodeURIComponent(result.data.caseId)}`);
      clearLocal(null);
    }
    if (snapshotOf(valuesRef.current) === snapshot) clearLocal(result.data.caseId);
    else writeLocal(result.data.caseId, valuesRef.current);
    return true;
  }, []);

  // Saves run one after another, so versions never race.
  const save = useCallback(
    (force = false): Promise<boolean> => {
      if (timerRef.current) {
        clearTimeout(timerRef.current);
        timerRef.current = null;
      }
      const next = chainRef.current.then(() => runSave(force));
      chainRef.current = next.catch(() => false);
      return next;
    },
    [runSave],
  );

  const scheduleSave = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void save();
    }, AUTOSAVE_DELAY_MS);
  }, [save]);

  const update = useCallback(
    (mutate: (prev: TEditorValues) => TEditorValues, clearPaths: string[] = []) => {
      const next = mutate(valuesRef.current);
      valuesRef.current = next;
      setValues(next);
      writeLocal(caseRef.current.id, next);
      setStatus({ kind: "dirty" });
      if (clearPaths.length > 0) {
        setFieldErrors((prev) => {
          const copy = { ...prev };
          for (const p of clearPaths) delete copy[p];
          return copy;
        });
      }
      scheduleSave();
    },
    [scheduleSave],
  );

  // A copy left in this browser that the server never got (reload or lost connection before the
  // autosave ran) wins over the older server copy, and is saved right away.
  useEffect(() => {
    const local = readLocal(initial.caseId);
    if (!local) return;
    const serverAt = initial.updatedAt ? Date.parse(initial.updatedAt) : 0;
    if (local.at > serverAt && snapshotOf(local.values) !== savedSnapshotRef.current) {
      valuesRef.current = local.values;
      setValues(local.values);
      setRestored(true);
      setStatus({ kind: "dirty" });
      void save();
    } else {
      clearLocal(initial.caseId);
    }
  }, [initial.caseId, initial.updatedAt, save]);

  // Leaving with unsaved changes or uploads under way asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const unsaved = snapshotOf(valuesRef.current) !== savedSnapshotRef.current;
      if (unsaved) writeLocal(caseRef.current.id, valuesRef.current);
      if (unsaved || uploadsBusyRef.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  // Uploads need the case: the first one creates the draft if typing has not yet.
  const ensureCase = useCallback(async (): Promise<string | null> => {
    if (caseRef.current.id) return caseRef.current.id;
    const ok = await save(true);
    return ok ? caseRef.current.id : null;
  }, [save]);

  const removeFile = useCallback(async (fileId: string): Promise<string | null> => {
    const caseId = caseRef.current.id;
    if (!caseId) return "La solicitud todavía no se ha guardado.";
    try {
      const result = await removeCaseFileAction(null, { caseId, fileId });
      return result.ok ? null : result.formError;
    } catch {
      return "No se pudo quitar el archivo: no hay conexión con el servidor. Inténtelo de nuevo.";
    }
  }, []);

  const onUploadsBusy = useCallback((busy: boolean) => {
    uploadsBusyRef.current = busy;
    setUploadsBusy(busy);
  }, []);

  async function onSubmit() {
    if (submitting) return;
    setSubmitting(true);
    setFormError(null);
    try {
      if (uploadsBusyRef.current) {
        setFormError("Espere a que terminen de subir los archivos y vuelva a intentarlo.");
        return;
      }
      const saved = await save(true);
      const { id, version } = caseRef.current;
      if (!saved || !id || version == null) {
        setFormError("No se pudo guardar la solicitud antes de enviarla. Revise su conexión e inténtelo de nuevo; sus datos no se han perdido.");
        return;
      }
      let result: Awaited<ReturnType<typeof submitCaseAction>>;
      try {
        result = await submitCaseAction(null, { caseId: id, expectedVersion: version });
      } catch {
        setFormError("No se pudo enviar la solicitud: no hay conexión con el servidor. Sus datos no se han perdido; inténtelo de nuevo.");
        return;
      }
      if (!result.ok) {
        const mapped: TFieldErrorMap = {};
        for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
          const key = normalizeErrorPath(path, valuesRef.current);
          mapped[key] = [...(mapped[key] ?? []), ...messages];
        }
        setFieldErrors(mapped);
        setFormError(result.formError);
        return;
      }
      caseRef.current = { ...caseRef.current, version: result.data.version };
      clearLocal(id);
      setFieldErrors({});
      router.replace(`/ciudadano/solicitudes/${encodeURIComponent(id)}?enviada=1`);
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  }

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
            update((v) => ({ ...v, studies: [...v.studies, row] }), ["studies"]);
            // Focus the new row's first field, so keyboard users continue there.
            requestAnimationFrame(() => document.getElementById(fieldId(`studies.${valuesRef.current.studies.length - 1}.level`))?.focus());
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
        ensureCase={ensureCase}
        removeFile={removeFile}
        onBusyChange={onUploadsBusy}
        errors={err("files")}
        onFilesChanged={() =>
          setFieldErrors((prev) => {
            const copy = { ...prev };
            delete copy.files;
            return copy;
          })
        }
      />

      <div className="space-y-4 border-t border-slate-300 pt-6">
        <p id="estado-guardado" role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
          {statusText(status, caseInfo.number)}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" variant="secondary" disabled={submitting}>
            Guardar borrador
          </Button>
          <Button type="button" onClick={() => void onSubmit()} disabled={submitting || uploadsBusy} aria-disabled={submitting || uploadsBusy}>
            {submitting ? "Enviando…" : isCorrection ? "Enviar correcciones" : "Enviar solicitud"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function statusText(status: TSaveStatus, number: string | null): string {
  const suffix = number ? ` (solicitud ${number})` : "";
  switch (status.kind) {
    case "idle":
      return number ? `Borrador de la solicitud ${number}. Los cambios se guardan automáticamente.` : "Los cambios se guardan automáticamente mientras escribe.";
    case "dirty":
      return "Cambios sin guardar…";
    case "saving":
      return "Guardando…";
    case "saved":
      return `Borrador guardado ${TIME.format(status.at)}${suffix}`;
    case "error":
      return status.message;
  }
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
