"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import {
  RESOLUTION_STAMP_CONFIRMATION_LABEL,
  RESOLUTION_STAMP_REQUIREMENT,
  TRANSLATION_LANGUAGES,
  TRANSLATOR_REGISTRATION_LABELS as L,
} from "@/lib/cases/forms/translator-registration-form";
import type { TEditorInitial } from "./editor-initial";
import { FieldErrors, InputField, SelectField } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { saveStatusText, useCaseDraft, type TDraftCodec } from "./use-case-draft";

type TValues = {
  name: string;
  languages: string[];
  otherLanguages: string;
  appointmentResolution: string;
  dideducRegistrationNumber: string;
  dideducId: string;
  resolutionStampConfirmed: boolean;
  contactPhone: string;
};

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function opt(s: string): string | undefined {
  return s.trim() === "" ? undefined : s;
}

export const translatorRegistrationCodec: TDraftCodec<TValues> = {
  procedure: "TRANSLATOR_REGISTRATION",
  fromFormData(formData) {
    const d = (typeof formData === "object" && formData !== null && !Array.isArray(formData) ? formData : {}) as Record<string, unknown>;
    return {
      name: str(d.name),
      languages: Array.isArray(d.languages) ? d.languages.filter((l): l is string => typeof l === "string").slice(0, 20) : [],
      otherLanguages: str(d.otherLanguages),
      appointmentResolution: str(d.appointmentResolution),
      dideducRegistrationNumber: str(d.dideducRegistrationNumber),
      dideducId: str(d.dideducId),
      resolutionStampConfirmed: d.resolutionStampConfirmed === true,
      contactPhone: str(d.contactPhone),
    };
  },
  toFormData(v) {
    return {
      name: opt(v.name),
      languages: v.languages,
      otherLanguages: opt(v.otherLanguages),
      appointmentResolution: opt(v.appointmentResolution),
      dideducRegistrationNumber: opt(v.dideducRegistrationNumber),
      dideducId: opt(v.dideducId),
      resolutionStampConfirmed: v.resolutionStampConfirmed || undefined,
      contactPhone: opt(v.contactPhone),
    };
  },
};

// Where fields sit in the form, for the order of the error summary and its links.
const FIELD_ORDER = ["_form", "name", "languages", "otherLanguages", "appointmentResolution", "dideducId", "dideducRegistrationNumber", "contactPhone", "resolutionStampConfirmed", "files"];
const GROUP_ANCHORS: Record<string, string> = { languages: "languages", resolutionStampConfirmed: "resolutionStampConfirmed", _form: "form-error" };

function anchorFor(path: string): string {
  if (path === "_form") return "form-error";
  return fieldId(GROUP_ANCHORS[path] ?? path);
}

// D.4: the sworn translator's registration request (their own account). Same autosave and
// error behaviour as the other request forms; the resolution is the only file.
export function TranslatorRegistrationEditor({
  initial,
  dideducs,
  defaultName,
}: {
  initial: TEditorInitial;
  dideducs: ReadonlyArray<{ id: string; name: string }>;
  // The account's name, as a start for a new request.
  defaultName?: string;
}) {
  const start = translatorRegistrationCodec.fromFormData(initial.formData);
  if (!initial.caseId && !start.name && defaultName) start.name = defaultName;
  const d = useCaseDraft(translatorRegistrationCodec, initial, start);
  const { values, update, fieldErrors } = d;
  const err = (path: string) => fieldErrors[path];
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const rank = (p: string) => {
    const i = FIELD_ORDER.indexOf(p);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  const summaryItems = Object.keys(fieldErrors)
    .filter((p) => p !== "_form")
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((path) => fieldErrors[path].map((text) => ({ field: anchorFor(path), text })));
  const formMessage = d.formError && fieldErrors._form ? `${d.formError} ${fieldErrors._form.join(" ")}` : d.formError;
  const otherListed = values.languages.filter((l) => !(TRANSLATION_LANGUAGES as readonly string[]).includes(l));

  return (
    <form
      noValidate
      className="space-y-8"
      aria-describedby="estado-guardado"
      onSubmit={(e) => {
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

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Sus datos como traductor jurado</legend>
        <InputField
          id={fieldId("name")}
          label={L.name}
          hint="Tal como aparece en la resolución o el acuerdo de su nombramiento."
          autoComplete="name"
          maxLength={200}
          value={values.name}
          errors={err("name")}
          onValue={(s) => update((v) => ({ ...v, name: s }), ["name"])}
        />
        <InputField
          id={fieldId("contactPhone")}
          label={L.contactPhone}
          optional
          type="tel"
          autoComplete="tel-national"
          maxLength={30}
          value={values.contactPhone}
          errors={err("contactPhone")}
          onValue={(s) => update((v) => ({ ...v, contactPhone: s }), ["contactPhone"])}
        />
      </fieldset>

      <fieldset className="space-y-3" id={fieldId("languages")} tabIndex={-1} aria-describedby={err("languages") ? `${fieldId("languages")}-error` : undefined}>
        <legend className="mb-1 text-xl font-semibold">{L.languages}</legend>
        <p className="text-sm text-slate-700">Marque cada idioma para el que fue nombrado traductor jurado. Si alguno no está en la lista, escríbalo abajo.</p>
        <FieldErrors id={fieldId("languages")} errors={err("languages")} />
        <div className="grid gap-x-6 gap-y-1 sm:grid-cols-3">
          {[...TRANSLATION_LANGUAGES, ...otherListed].map((language) => {
            const id = fieldId(`languages.${language}`);
            return (
              <div key={language} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  id={id}
                  checked={values.languages.includes(language)}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    update(
                      (v) => ({ ...v, languages: checked ? [...v.languages.filter((l) => l !== language), language] : v.languages.filter((l) => l !== language) }),
                      ["languages"],
                    );
                  }}
                  className="size-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={id} className="font-semibold text-slate-900">
                  {language}
                </label>
              </div>
            );
          })}
        </div>
        <InputField
          id={fieldId("otherLanguages")}
          label={L.otherLanguages}
          hint="Separados por comas, por ejemplo: catalán, swahili."
          optional
          maxLength={300}
          value={values.otherLanguages}
          errors={err("otherLanguages")}
          onValue={(s) => update((v) => ({ ...v, otherLanguages: s }), ["otherLanguages", "languages"])}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-xl font-semibold">Nombramiento y registro</legend>
        <InputField
          id={fieldId("appointmentResolution")}
          label={L.appointmentResolution}
          hint="Por ejemplo: Acuerdo Ministerial 2418-2019."
          maxLength={200}
          value={values.appointmentResolution}
          errors={err("appointmentResolution")}
          onValue={(s) => update((v) => ({ ...v, appointmentResolution: s }), ["appointmentResolution"])}
        />
        <SelectField
          id={fieldId("dideducId")}
          label={L.dideducId}
          hint="La Dirección Departamental de Educación que puso el sello de registro en su resolución o acuerdo."
          placeholder="Seleccione una Dirección Departamental"
          options={dideducs.map((x) => ({ value: x.id, label: x.name }))}
          value={values.dideducId}
          errors={err("dideducId")}
          onValue={(s) => update((v) => ({ ...v, dideducId: s }), ["dideducId", "dideducRegistrationNumber"])}
        />
        <InputField
          id={fieldId("dideducRegistrationNumber")}
          label={L.dideducRegistrationNumber}
          hint="El número que aparece en el sello de registro de la Dirección Departamental, por ejemplo TJ-GN-0042."
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          value={values.dideducRegistrationNumber}
          errors={err("dideducRegistrationNumber")}
          onValue={(s) => update((v) => ({ ...v, dideducRegistrationNumber: s }), ["dideducRegistrationNumber"])}
        />
      </fieldset>

      <FileUploads
        initialFiles={initial.files}
        ensureCase={d.ensureCase}
        removeFile={d.removeFile}
        onBusyChange={d.onUploadsBusy}
        errors={err("files")}
        onFilesChanged={() => d.clearFieldErrors("files")}
        kind="APPOINTMENT_RESOLUTION"
        legend="Resolución o acuerdo de nombramiento"
        requirement={RESOLUTION_STAMP_REQUIREMENT}
      />

      <div className="space-y-1" id={fieldId("resolutionStampConfirmed")} tabIndex={-1}>
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            id={fieldId("resolutionStampConfirmed-input")}
            checked={values.resolutionStampConfirmed}
            onChange={(e) => {
              const checked = e.target.checked;
              update((v) => ({ ...v, resolutionStampConfirmed: checked }), ["resolutionStampConfirmed"]);
            }}
            aria-invalid={err("resolutionStampConfirmed") ? true : undefined}
            aria-describedby={err("resolutionStampConfirmed") ? `${fieldId("resolutionStampConfirmed")}-error` : undefined}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
          <label htmlFor={fieldId("resolutionStampConfirmed-input")} className="font-semibold text-slate-900">
            {RESOLUTION_STAMP_CONFIRMATION_LABEL}
          </label>
        </div>
        <FieldErrors id={fieldId("resolutionStampConfirmed")} errors={err("resolutionStampConfirmed")} />
      </div>

      <div className="space-y-4 border-t border-slate-300 pt-6">
        <p id="estado-guardado" role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="save-status">
          {saveStatusText(d.status, d.caseInfo.number)}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" variant="secondary" disabled={d.submitting}>
            Guardar borrador
          </Button>
          <Button type="button" onClick={() => void d.submit()} disabled={d.submitting || d.uploadsBusy} aria-disabled={d.submitting || d.uploadsBusy}>
            {d.submitting ? "Enviando…" : isCorrection ? "Enviar correcciones" : "Enviar solicitud de registro"}
          </Button>
        </div>
      </div>
    </form>
  );
}
