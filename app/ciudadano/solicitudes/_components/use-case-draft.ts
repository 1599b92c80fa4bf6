"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { removeCaseFileAction } from "@/app/ciudadano/actions/remove-case-file";
import { saveCaseDraftAction } from "@/app/ciudadano/actions/save-case-draft";
import { submitCaseAction } from "@/app/ciudadano/actions/submit-case";
import type { Procedure } from "@/lib/generated/prisma/enums";
import type { TEditorInitial } from "./editor-initial";
import { fieldId } from "./form-state";

// The draft life of every request editor. Everything typed lives in state and is saved as the
// person goes (debounced, one save after another so versions never race), also to this browser's
// storage until the server confirms it, so a reload, a refused submission or a failed upload loses
// nothing.

export type TSaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

export type TFieldErrorMap = Record<string, string[]>;

// A text input's props bound to one value of the draft (see `text` below).
export type TTextBinding = { id: string; value: string; errors?: readonly string[]; onValue: (value: string) => void };

type TTextKey<TValues> = { [K in keyof TValues]: TValues[K] extends string ? K : never }[keyof TValues] & string;

export type TDraftCodec<TValues> = {
  procedure: Procedure;
  // Stored formData (or a copy kept in the browser) → values, never throwing.
  fromFormData(formData: unknown): TValues;
  // Values → the draft's formData.
  toFormData(values: TValues): Record<string, unknown>;
  // The DIDEDUC the case belongs to, for procedures that name one on the case (D.2.1). Optional.
  dideducOf?(values: TValues): string | undefined;
  // Whether these values may create the draft yet (D.2.2: only once the title registry showed the
  // title and the person confirmed it). Until then nothing is sent; the copy in this browser
  // still keeps what was typed. Optional: by default the first change creates the draft.
  mayCreate?(values: TValues): boolean;
  // What tells unsaved values from saved ones. Optional: by default the formData they save to.
  // Editors that keep more than they save (a year still being typed, an empty study row) compare the
  // values themselves, so such a change is still saved and still kept in this browser.
  snapshotOf?(values: TValues): string;
  // The copy kept in this browser and how it is read back. Optional: by default the formData,
  // read through fromFormData. An editor whose formData leaves something out keeps the values.
  toLocal?(values: TValues): unknown;
  fromLocal?(stored: unknown): TValues;
  // A server error path ("formData.studies.0.year") → the editor's own path. Optional: by default
  // without the "formData." prefix. D.1.1 maps study rows back past the empty ones it does not send.
  errorPath?(path: string, values: TValues): string;
  // Whether a form not yet saved already counts changes against the values it opened with: leaving
  // asks first, and a browser copy equal to them is dropped rather than restored. D.1.1 and D.1.2
  // do; the others count nothing unsaved before the draft exists (D.2.2 may never create one).
  guardsNewForm?: boolean;
  // What submitting while an upload is under way says. Optional.
  uploadsBusyMessage?: string;
};

const AUTOSAVE_DELAY_MS = 1200;

type TLocalCopy = { at: number; values: unknown };

function localKey(procedure: Procedure, caseId: string | null): string {
  return caseId ? `certifica:borrador:${caseId}` : `certifica:borrador:nuevo:${procedure}`;
}

function readLocal<TValues>(codec: TDraftCodec<TValues>, caseId: string | null): { at: number; values: TValues } | null {
  try {
    const raw = window.localStorage.getItem(localKey(codec.procedure, caseId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as TLocalCopy;
    if (typeof parsed?.at !== "number" || typeof parsed.values !== "object" || parsed.values === null) return null;
    // Through the same tolerant reader as server data: an old or tampered copy cannot break the form.
    return { at: parsed.at, values: (codec.fromLocal ?? codec.fromFormData)(parsed.values) };
  } catch {
    return null;
  }
}

function writeLocal<TValues>(codec: TDraftCodec<TValues>, caseId: string | null, values: TValues): void {
  try {
    window.localStorage.setItem(localKey(codec.procedure, caseId), JSON.stringify({ at: Date.now(), values: (codec.toLocal ?? codec.toFormData)(values) }));
  } catch {
    // Private mode or a full quota: the server copy is still saved.
  }
}

// Also for an editor that leaves its form for another procedure's (D.2.2 → D.2.1).
export function clearLocal(procedure: Procedure, caseId: string | null): void {
  try {
    window.localStorage.removeItem(localKey(procedure, caseId));
  } catch {
    // Nothing to do.
  }
}

export function useCaseDraft<TValues>(codec: TDraftCodec<TValues>, initial: TEditorInitial, initialValues?: TValues) {
  const router = useRouter();
  const [values, setValues] = useState<TValues>(() => initialValues ?? codec.fromFormData(initial.formData));
  const [caseInfo, setCaseInfo] = useState({ id: initial.caseId, number: initial.number });
  const [status, setStatus] = useState<TSaveStatus>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<TFieldErrorMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const [uploadsBusy, setUploadsBusy] = useState(false);

  const codecRef = useRef(codec);
  const snapshotOf = useCallback((v: TValues) => {
    const c = codecRef.current;
    return c.snapshotOf ? c.snapshotOf(v) : JSON.stringify(c.toFormData(v));
  }, []);
  const errorPathOf = useCallback((path: string, v: TValues) => {
    const c = codecRef.current;
    return c.errorPath ? c.errorPath(path, v) : path.replace(/^formData\./, "");
  }, []);
  const valuesRef = useRef(values);
  const caseRef = useRef({ id: initial.caseId, number: initial.number, version: initial.version });
  const savedSnapshotRef = useRef(initial.caseId || codec.guardsNewForm ? snapshotOf(codec.fromFormData(initial.formData)) : "");
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const uploadsBusyRef = useRef(false);

  const runSave = useCallback(
    async (force: boolean): Promise<boolean> => {
      const current = valuesRef.current;
      const snapshot = snapshotOf(current);
      if (caseRef.current.id && snapshot === savedSnapshotRef.current) {
        if (force) setStatus({ kind: "saved", at: new Date() });
        return true;
      }
      if (!caseRef.current.id && codecRef.current.mayCreate && !codecRef.current.mayCreate(current)) {
        setStatus({ kind: "idle" });
        return true;
      }
      setStatus({ kind: "saving" });
      const { id, version } = caseRef.current;
      let result: Awaited<ReturnType<typeof saveCaseDraftAction>>;
      try {
        result = await saveCaseDraftAction(null, {
          caseId: id ?? undefined,
          procedure: codecRef.current.procedure,
          dideducId: codecRef.current.dideducOf?.(current) || undefined,
          formData: codecRef.current.toFormData(current),
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
          for (const [path, messages] of Object.entries(result.fieldErrors)) mapped[errorPathOf(path, current)] = messages;
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
        // Same page, now at the case's own address: a reload opens this draft.
        window.history.replaceState(null, "", `/ciudadano/solicitudes/${encodeURIComponent(result.data.caseId)}`);
        clearLocal(codecRef.current.procedure, null);
      }
      if (snapshotOf(valuesRef.current) === snapshot) clearLocal(codecRef.current.procedure, result.data.caseId);
      else writeLocal(codecRef.current, result.data.caseId, valuesRef.current);
      return true;
    },
    [snapshotOf, errorPathOf],
  );

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
    (mutate: (prev: TValues) => TValues, clearPaths: string[] = []): TValues => {
      const next = mutate(valuesRef.current);
      valuesRef.current = next;
      setValues(next);
      writeLocal(codecRef.current, caseRef.current.id, next);
      setStatus({ kind: "dirty" });
      if (clearPaths.length > 0) {
        setFieldErrors((prev) => {
          const copy = { ...prev };
          for (const p of clearPaths) delete copy[p];
          return copy;
        });
      }
      scheduleSave();
      return next;
    },
    [scheduleSave],
  );

  // A copy left in this browser that the server never got wins over the older server copy, and is
  // saved right away. A new form with prefilled values is saved as soon as the person changes it.
  useEffect(() => {
    const local = readLocal(codecRef.current, initial.caseId);
    if (!local) return;
    const serverAt = initial.updatedAt ? Date.parse(initial.updatedAt) : 0;
    if (local.at > serverAt && snapshotOf(local.values) !== savedSnapshotRef.current) {
      valuesRef.current = local.values;
      setValues(local.values);
      setRestored(true);
      setStatus({ kind: "dirty" });
      void save();
    } else {
      clearLocal(codecRef.current.procedure, initial.caseId);
    }
  }, [initial.caseId, initial.updatedAt, save, snapshotOf]);

  // Leaving with unsaved changes or uploads under way asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const unsaved = caseRef.current.id || codecRef.current.guardsNewForm ? snapshotOf(valuesRef.current) !== savedSnapshotRef.current : false;
      if (unsaved) writeLocal(codecRef.current, caseRef.current.id, valuesRef.current);
      if (unsaved || uploadsBusyRef.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [snapshotOf]);

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

  const clearFieldErrors = useCallback((...paths: string[]) => {
    setFieldErrors((prev) => {
      const copy = { ...prev };
      for (const p of paths) delete copy[p];
      return copy;
    });
  }, []);

  // A top-level text value as an input's props: its id and errors by path, and a setter that clears
  // those errors (or `clearPaths`).
  const text = (key: TTextKey<TValues>, clearPaths: string[] = [key]): TTextBinding => ({
    id: fieldId(key),
    value: values[key] as string,
    errors: fieldErrors[key],
    onValue: (s) => update((v) => ({ ...v, [key]: s }), clearPaths),
  });

  // What an upload group needs from the draft; its errors (at `path`) go once its files change.
  const uploadsFor = (path = "files") => ({
    ensureCase,
    removeFile,
    onBusyChange: onUploadsBusy,
    errors: fieldErrors[path],
    onFilesChanged: () => clearFieldErrors(path),
  });

  const submit = useCallback(async () => {
    if (submitting) return;
    setSubmitting(true);
    setFormError(null);
    try {
      if (uploadsBusyRef.current) {
        setFormError(codecRef.current.uploadsBusyMessage ?? "Espere a que terminen de subir los archivos y vuelva a intentarlo.");
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
          const key = errorPathOf(path, valuesRef.current);
          mapped[key] = [...(mapped[key] ?? []), ...messages];
        }
        setFieldErrors(mapped);
        setFormError(result.formError);
        return;
      }
      caseRef.current = { ...caseRef.current, version: result.data.version };
      clearLocal(codecRef.current.procedure, id);
      setFieldErrors({});
      router.replace(`/ciudadano/solicitudes/${encodeURIComponent(id)}?enviada=1`);
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  }, [router, save, submitting, errorPathOf]);

  return {
    values,
    update,
    save,
    submit,
    status,
    caseInfo,
    fieldErrors,
    clearFieldErrors,
    formError,
    submitting,
    restored,
    uploadsBusy,
    ensureCase,
    removeFile,
    onUploadsBusy,
    text,
    uploadsFor,
  };
}

const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "America/Guatemala" });

export function saveStatusText(status: TSaveStatus, number: string | null): string {
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
