"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { removeCaseFileAction } from "@/app/ciudadano/actions/remove-case-file";
import { saveCaseDraftAction } from "@/app/ciudadano/actions/save-case-draft";
import { submitCaseAction } from "@/app/ciudadano/actions/submit-case";
import { ARCHIVE_FIRST_YEAR, ARCHIVE_LAST_YEAR, GRADUATION_RECORD_LABELS } from "@/lib/cases/forms/graduation-record-form";
import { ArchiveRecordUpload } from "./archive-record-upload";
import type { TEditorInitial } from "./editor-initial";
import { InputField } from "./fields";
import { fieldId } from "./form-state";
import {
  graduationPayloadOf,
  graduationSnapshotOf,
  graduationValuesFromFormData,
  type TGraduationRecordValues,
} from "./graduation-record-form-state";

type TSaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

type TFieldErrorMap = Record<string, string[]>;

const AUTOSAVE_DELAY_MS = 1200;
const PROCEDURE = "GRADUATION_RECORD" as const;

// Where fields sit in the form, for the order of the error summary.
const FIELD_ORDER = [
  "student.firstNames",
  "student.lastNames",
  "student.cui",
  "student.birthDate",
  "record.degree",
  "record.institution",
  "record.graduationYear",
  "archiveOfficer.name",
  "archiveOfficer.post",
  "contactPhone",
  "files",
];

const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "America/Guatemala" });

function localKey(caseId: string | null): string {
  return caseId ? `certifica:borrador:${caseId}` : `certifica:borrador:nuevo:${PROCEDURE}`;
}

type TLocalCopy = { at: number; values: TGraduationRecordValues };

function readLocal(caseId: string | null): TLocalCopy | null {
  try {
    const raw = window.localStorage.getItem(localKey(caseId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as TLocalCopy;
    if (typeof parsed?.at !== "number" || typeof parsed.values !== "object" || parsed.values === null) return null;
    // Through the same tolerant reader as server data: an old or tampered copy cannot break the form.
    return { at: parsed.at, values: graduationValuesFromFormData(parsed.values) };
  } catch {
    return null;
  }
}

function writeLocal(caseId: string | null, values: TGraduationRecordValues): void {
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
    const i = FIELD_ORDER.indexOf(p);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const cleanPath = (path: string) => path.replace(/^formData\./, "");

// The D.1.2 request form: the student's data and the record's, the archive officer's name and post
// as printed on the record, and the PDF the archive signed. Autosaved as the citizen types (also to
// this browser's storage until the server confirms it), like the D.1.1 editor, so a reload, a
// refused submission or a refused upload loses nothing.
export function GraduationRecordEditor({ initial }: { initial: TEditorInitial; dideducs?: ReadonlyArray<{ id: string; name: string }> }) {
  const router = useRouter();
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const [values, setValues] = useState<TGraduationRecordValues>(() => graduationValuesFromFormData(initial.formData));
  const [caseInfo, setCaseInfo] = useState({ id: initial.caseId, number: initial.number });
  const [status, setStatus] = useState<TSaveStatus>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<TFieldErrorMap>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const [uploadBusy, setUploadBusy] = useState(false);

  const valuesRef = useRef(values);
  const caseRef = useRef({ id: initial.caseId, number: initial.number, version: initial.version });
  const savedSnapshotRef = useRef(graduationSnapshotOf(values));
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const uploadBusyRef = useRef(false);

  const runSave = useCallback(async (force: boolean): Promise<boolean> => {
    const current = valuesRef.current;
    const snapshot = graduationSnapshotOf(current);
    if (caseRef.current.id && snapshot === savedSnapshotRef.current) {
      if (force) setStatus({ kind: "saved", at: new Date() });
      return true;
    }
    setStatus({ kind: "saving" });
    const { id, version } = caseRef.current;
    let result: Awaited<ReturnType<typeof saveCaseDraftAction>>;
    try {
      result = await saveCaseDraftAction(null, {
        caseId: id ?? undefined,
        procedure: PROCEDURE,
        formData: graduationPayloadOf(current),
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
        for (const [path, messages] of Object.entries(result.fieldErrors)) mapped[cleanPath(path)] = messages;
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
      clearLocal(null);
    }
    if (graduationSnapshotOf(valuesRef.current) === snapshot) clearLocal(result.data.caseId);
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
    (mutate: (prev: TGraduationRecordValues) => TGraduationRecordValues, clearPath?: string) => {
      const next = mutate(valuesRef.current);
      valuesRef.current = next;
      setValues(next);
      writeLocal(caseRef.current.id, next);
      setStatus({ kind: "dirty" });
      if (clearPath) {
        setFieldErrors((prev) => {
          const copy = { ...prev };
          delete copy[clearPath];
          return copy;
        });
      }
      scheduleSave();
    },
    [scheduleSave],
  );

  // A copy left in this browser that the server never got wins over the older server copy.
  useEffect(() => {
    const local = readLocal(initial.caseId);
    if (!local) return;
    const serverAt = initial.updatedAt ? Date.parse(initial.updatedAt) : 0;
    if (local.at > serverAt && graduationSnapshotOf(local.values) !== savedSnapshotRef.current) {
      valuesRef.current = local.values;
      setValues(local.values);
      setRestored(true);
      setStatus({ kind: "dirty" });
      void save();
    } else {
      clearLocal(initial.caseId);
    }
  }, [initial.caseId, initial.updatedAt, save]);

  // Leaving with unsaved changes or an upload under way asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const unsaved = graduationSnapshotOf(valuesRef.current) !== savedSnapshotRef.current;
      if (unsaved) writeLocal(caseRef.current.id, valuesRef.current);
      if (unsaved || uploadBusyRef.current) e.preventDefault();
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

  // The upload needs the case: it creates the draft if typing has not yet.
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

  const onUploadBusy = useCallback((busy: boolean) => {
    uploadBusyRef.current = busy;
    setUploadBusy(busy);
  }, []);

  async function onSubmit() {
    if (submitting) return;
    setSubmitting(true);
    setFormError(null);
    try {
      if (uploadBusyRef.current) {
        setFormError("Espere a que termine de subir el expediente y vuelva a intentarlo.");
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
          const key = cleanPath(path);
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
    fieldErrors[path].map((text) => ({ field: FIELD_ORDER.includes(path) ? fieldId(path) : "form-error", text })),
  );
  const initialFile = initial.files[0] ?? null;

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

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del estudiante</legend>
        <p className="text-sm text-slate-700">Escríbalos tal como aparecen en el expediente, aunque hoy se escriban distinto.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("student.firstNames")}
            label="Nombres"
            autoComplete="off"
            maxLength={120}
            value={values.student.firstNames}
            errors={err("student.firstNames")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, firstNames: s } }), "student.firstNames")}
          />
          <InputField
            id={fieldId("student.lastNames")}
            label="Apellidos"
            autoComplete="off"
            maxLength={120}
            value={values.student.lastNames}
            errors={err("student.lastNames")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, lastNames: s } }), "student.lastNames")}
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
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, cui: s } }), "student.cui")}
          />
          <InputField
            id={fieldId("student.birthDate")}
            label="Fecha de nacimiento"
            optional
            type="date"
            value={values.student.birthDate}
            errors={err("student.birthDate")}
            onValue={(s) => update((v) => ({ ...v, student: { ...v.student, birthDate: s } }), "student.birthDate")}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Datos del expediente de graduación</legend>
        <p className="text-sm text-slate-700">
          El Archivo Documental resguarda los expedientes de graduación de {ARCHIVE_FIRST_YEAR} a {ARCHIVE_LAST_YEAR}.
        </p>
        <InputField
          id={fieldId("record.degree")}
          label={GRADUATION_RECORD_LABELS.degree}
          hint="Por ejemplo: Bachiller en Ciencias y Letras, Perito Contador, Maestra de Educación Primaria Urbana."
          maxLength={200}
          value={values.record.degree}
          errors={err("record.degree")}
          onValue={(s) => update((v) => ({ ...v, record: { ...v.record, degree: s } }), "record.degree")}
        />
        <div className="grid gap-4 sm:grid-cols-[3fr_1fr]">
          <InputField
            id={fieldId("record.institution")}
            label={GRADUATION_RECORD_LABELS.institution}
            hint="Nombre y lugar del establecimiento donde se graduó."
            maxLength={200}
            value={values.record.institution}
            errors={err("record.institution")}
            onValue={(s) => update((v) => ({ ...v, record: { ...v.record, institution: s } }), "record.institution")}
          />
          <InputField
            id={fieldId("record.graduationYear")}
            label={GRADUATION_RECORD_LABELS.graduationYear}
            hint="Cuatro dígitos"
            inputMode="numeric"
            maxLength={4}
            value={values.record.graduationYear}
            errors={err("record.graduationYear")}
            onValue={(s) => update((v) => ({ ...v, record: { ...v.record, graduationYear: s } }), "record.graduationYear")}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Quién firmó el expediente en el Archivo Documental</legend>
        <p className="text-sm text-slate-700">
          Copie el nombre y el puesto de la persona que certificó el expediente, tal como aparecen en el PDF que le envió el Archivo.
          Atención al Ciudadano los compara con la firma electrónica del documento.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId("archiveOfficer.name")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerName}
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.name}
            errors={err("archiveOfficer.name")}
            onValue={(s) => update((v) => ({ ...v, archiveOfficer: { ...v.archiveOfficer, name: s } }), "archiveOfficer.name")}
          />
          <InputField
            id={fieldId("archiveOfficer.post")}
            label={GRADUATION_RECORD_LABELS.archiveOfficerPost}
            hint="Por ejemplo: Encargada del Archivo Documental."
            autoComplete="off"
            maxLength={160}
            value={values.archiveOfficer.post}
            errors={err("archiveOfficer.post")}
            onValue={(s) => update((v) => ({ ...v, archiveOfficer: { ...v.archiveOfficer, post: s } }), "archiveOfficer.post")}
          />
        </div>
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
          onValue={(s) => update((v) => ({ ...v, contactPhone: s }), "contactPhone")}
        />
      </fieldset>

      <ArchiveRecordUpload
        initialFile={initialFile}
        ensureCase={ensureCase}
        removeFile={removeFile}
        onBusyChange={onUploadBusy}
        errors={err("files")}
        onFileChanged={() =>
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
          <Button type="button" onClick={() => void onSubmit()} disabled={submitting || uploadBusy} aria-disabled={submitting || uploadBusy}>
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
