"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SWORN_TRANSLATION_LABELS as L, TRANSLATION_REQUIREMENT } from "@/lib/cases/forms/sworn-translation-form";
import { TRANSLATION_LANGUAGES } from "@/lib/cases/forms/translator-registration-form";
import { checkSwornTranslatorAction } from "@/app/ciudadano/actions/check-sworn-translator";
import { searchSwornTranslatorsAction, type TTranslatorOption } from "@/app/ciudadano/actions/search-sworn-translators";
import { ContactPhoneField } from "./contact-phone-field";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { fieldErrorPaths, rankIn, summaryItemsOf } from "./error-summary";
import { FieldErrors, FormSection, InputField, SelectField } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { objectOf, optionalText, stringOf } from "./form-values";
import { DraftButtons, SubmitBar } from "./submit-bar";
import { saveStatusText, useCaseDraft, type TDraftCodec } from "./use-case-draft";

type TTranslatorValues = { id: string; name: string; agreementNumber: string; registrationNumber: string; language: string };
type TValues = {
  translator: TTranslatorValues;
  documentTitle: string;
  holderName: string;
  contactPhone: string;
};

const swornTranslationCodec: TDraftCodec<TValues> = {
  procedure: "SWORN_TRANSLATION",
  fromFormData(formData) {
    const d = objectOf(formData);
    const t = objectOf(d.translator);
    return {
      translator: { id: stringOf(t.id), name: stringOf(t.name), agreementNumber: stringOf(t.agreementNumber), registrationNumber: stringOf(t.registrationNumber), language: stringOf(t.language) },
      documentTitle: stringOf(d.documentTitle),
      holderName: stringOf(d.holderName),
      contactPhone: stringOf(d.contactPhone),
    };
  },
  toFormData(v) {
    return {
      translator: {
        id: optionalText(v.translator.id),
        name: optionalText(v.translator.name),
        agreementNumber: optionalText(v.translator.agreementNumber),
        registrationNumber: optionalText(v.translator.registrationNumber),
        language: optionalText(v.translator.language),
      },
      documentTitle: optionalText(v.documentTitle),
      holderName: optionalText(v.holderName),
      contactPhone: optionalText(v.contactPhone),
    };
  },
};

const FIELD_ORDER = [
  "translator",
  "translator.name",
  "translator.agreementNumber",
  "translator.registrationNumber",
  "translator.language",
  "documentTitle",
  "holderName",
  "contactPhone",
  "files",
];
const TRANSLATOR_IDENTITY = ["translator.name", "translator.agreementNumber", "translator.registrationNumber"];

type TMode = "registry" | "typed";
type TCheck = { kind: "ok"; text: string } | { kind: "refused"; field: string; text: string } | null;

// D.3: the request to certify a sworn translation. The citizen uploads only the translation and
// picks the translator from the registry (search by name or registration number, results as a
// radio list) or types the four facts the central office checks; either way the registry decides
// on submission, and each refusal shows next to the field it concerns.
export function SwornTranslationEditor({ initial }: { initial: TEditorInitial; dideducs?: unknown }) {
  const d = useCaseDraft(swornTranslationCodec, initial);
  const { values, update, fieldErrors } = d;
  const isCorrection = initial.state === "NEEDS_CORRECTION";
  const t = values.translator;
  const [mode, setMode] = useState<TMode>(() => (t.id || !(t.name || t.registrationNumber || t.agreementNumber) ? "registry" : "typed"));
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<TTranslatorOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [check, setCheck] = useState<TCheck>(null);
  const [checking, setChecking] = useState(false);
  // Facts of the picked registry entry, to show it and offer its languages (not stored).
  const [picked, setPicked] = useState<{ id: string; dideducName: string; languages: string[] } | null>(null);
  const searchSeq = useRef(0);
  const uid = useId();
  const resultsId = `${uid}-resultados`;

  const err = (path: string) => fieldErrors[path];
  const clearTranslatorErrors = [...TRANSLATOR_IDENTITY, "translator.language", "translator"];

  // The registry entry already picked in a saved draft: fetch its facts to show it again.
  useEffect(() => {
    if (!t.id || picked?.id === t.id || !t.registrationNumber) return;
    let cancelled = false;
    void searchSwornTranslatorsAction(null, { q: t.registrationNumber })
      .then((r) => {
        if (cancelled || !r.ok) return;
        const entry = r.data.rows.find((row) => row.id === t.id);
        if (entry) setPicked({ id: entry.id, dideducName: entry.dideducName, languages: entry.languages });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // Once per picked entry.
  }, [t.id]);

  async function runSearch(q: string) {
    const seq = ++searchSeq.current;
    if (q.replace(/\s+/g, "").length < 2) {
      setResults(null);
      setSearchError(q.trim() ? "Escriba al menos dos letras o números." : null);
      return;
    }
    setSearching(true);
    setSearchError(null);
    try {
      const r = await searchSwornTranslatorsAction(null, { q });
      if (seq !== searchSeq.current) return;
      if (r.ok) setResults(r.data.rows);
      else setSearchError(r.formError);
    } catch {
      if (seq === searchSeq.current) setSearchError("No se pudo buscar: no hay conexión con el servidor. Inténtelo de nuevo.");
    } finally {
      if (seq === searchSeq.current) setSearching(false);
    }
  }

  // Search as the person types (debounced); the button searches at once.
  useEffect(() => {
    if (mode !== "registry") return;
    const timer = setTimeout(() => void runSearch(query), 400);
    return () => clearTimeout(timer);
  }, [query, mode]);

  function pick(entry: TTranslatorOption) {
    update(
      (v) => ({
        ...v,
        translator: {
          id: entry.id,
          name: entry.name,
          agreementNumber: entry.appointmentResolution,
          registrationNumber: entry.registrationNumber,
          language: entry.languages.length === 1 ? entry.languages[0] : entry.languages.includes(v.translator.language) ? v.translator.language : "",
        },
      }),
      clearTranslatorErrors,
    );
    setPicked({ id: entry.id, dideducName: entry.dideducName, languages: entry.languages });
    setCheck(null);
  }

  function changeMode(next: TMode) {
    setMode(next);
    setCheck(null);
    // Typing the data means it no longer points at a registry entry.
    if (next === "typed" && t.id) update((v) => ({ ...v, translator: { ...v.translator, id: "" } }), ["translator"]);
  }

  function typeField(key: keyof TTranslatorValues, value: string) {
    update((v) => ({ ...v, translator: { ...v.translator, [key]: value, id: "" } }), [`translator.${key}`, "translator"]);
    setCheck(null);
  }

  async function checkTyped() {
    setChecking(true);
    setCheck(null);
    try {
      const r = await checkSwornTranslatorAction(null, { name: t.name, agreementNumber: t.agreementNumber, registrationNumber: t.registrationNumber, language: t.language });
      if (!r.ok) {
        const first = Object.entries(r.fieldErrors ?? {})[0];
        setCheck({ kind: "refused", field: first ? `translator.${first[0]}` : "translator", text: first ? first[1][0] : r.formError });
      } else if (r.data.ok) {
        setCheck({ kind: "ok", text: `${r.data.name} está en el registro de traductores jurados (${r.data.dideducName}), activo y autorizado para ${t.language.trim()}.` });
      } else {
        setCheck({ kind: "refused", field: r.data.field, text: r.data.message });
      }
    } catch {
      setCheck({ kind: "refused", field: "translator", text: "No se pudo consultar el registro: no hay conexión con el servidor. Inténtelo de nuevo." });
    } finally {
      setChecking(false);
    }
  }

  // A live check's refusal shows next to its field like the server's.
  const shown = (path: string) => {
    const server = err(path) ?? [];
    const live = check?.kind === "refused" && check.field === path ? [check.text] : [];
    const all = [...server, ...live.filter((m) => !server.includes(m))];
    return all.length > 0 ? all : undefined;
  };

  const anchorFor = (path: string) => {
    if (mode === "registry" && (TRANSLATOR_IDENTITY.includes(path) || path === "translator")) return fieldId("translator.search");
    return fieldId(path);
  };
  const summaryItems = summaryItemsOf(fieldErrors, fieldErrorPaths(fieldErrors, rankIn(FIELD_ORDER)), anchorFor);
  const identityErrors = TRANSLATOR_IDENTITY.flatMap((p) => err(p) ?? []).concat(err("translator") ?? []);
  const pickedFacts = picked && picked.id === t.id ? picked : null;
  const languageOptions = pickedFacts?.languages ?? (t.id ? [t.language].filter(Boolean) : []);

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={d.formError} summaryItems={summaryItems}>
      <FormSection
        legend="Traductor jurado"
        intro="El traductor debe estar inscrito en el registro de traductores jurados del Ministerio, activo y autorizado para el idioma de la traducción."
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6" role="radiogroup" aria-label="Cómo indicar al traductor">
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name={`${uid}-modo`} checked={mode === "registry"} onChange={() => changeMode("registry")} className="size-5 accent-brand-700" />
            <span className="font-semibold">Buscarlo en el registro</span>
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name={`${uid}-modo`} checked={mode === "typed"} onChange={() => changeMode("typed")} className="size-5 accent-brand-700" />
            <span className="font-semibold">Escribir sus datos</span>
          </label>
        </div>

        {mode === "registry" ? (
          <div className="space-y-4">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <InputField
                id={fieldId("translator.search")}
                label="Nombre o número de registro del traductor"
                hint="Por ejemplo: Méndez, o TJ-GN-0042."
                className="grow"
                type="search"
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                value={query}
                errors={identityErrors.length > 0 && !t.id ? identityErrors : undefined}
                aria-controls={resultsId}
                onValue={setQuery}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    void runSearch(query);
                  }
                }}
              />
              <Button variant="secondary" onClick={() => void runSearch(query)} disabled={searching}>
                {searching ? "Buscando…" : "Buscar"}
              </Button>
            </div>
            <div id={resultsId} aria-live="polite" className="space-y-2">
              {searchError ? <p className="text-sm font-semibold text-red-800">{searchError}</p> : null}
              {results && results.length === 0 ? <p>No hay traductores jurados activos que coincidan con «{query.trim()}». Revise lo escrito o escriba sus datos.</p> : null}
              {results && results.length > 0 ? (
                <fieldset className="space-y-2" data-testid="translator-results">
                  <legend className="font-semibold">
                    {results.length === 1 ? "1 traductor encontrado" : `${results.length} traductores encontrados`}: elija uno
                  </legend>
                  {results.map((r) => {
                    const id = `${uid}-t-${r.id}`;
                    return (
                      <div key={r.id} className="flex items-start gap-3 rounded-md border border-slate-300 p-3">
                        <input
                          type="radio"
                          id={id}
                          name={`${uid}-traductor`}
                          checked={t.id === r.id}
                          onChange={() => pick(r)}
                          aria-describedby={`${id}-datos`}
                          className="mt-1 size-5 shrink-0 accent-brand-700"
                        />
                        <div>
                          <label htmlFor={id} className="font-semibold text-slate-900">
                            {r.name}
                          </label>
                          <p id={`${id}-datos`} className="text-sm text-slate-700">
                            Registro {r.registrationNumber} ({r.dideducName}) · {r.appointmentResolution} · Idiomas: {r.languages.join(", ")}
                          </p>
                        </div>
                      </div>
                    );
                  })}
                </fieldset>
              ) : null}
            </div>

            {t.id ? (
              <div className="space-y-3 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4" data-testid="picked-translator">
                <p className="font-semibold">Inscripción elegida del registro</p>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="inline">Nombre: </dt>
                    <dd className="inline font-semibold">{t.name}</dd>
                  </div>
                  <div>
                    <dt className="inline">Registro: </dt>
                    <dd className="inline">
                      {t.registrationNumber}
                      {pickedFacts ? ` (${pickedFacts.dideducName})` : ""}
                    </dd>
                  </div>
                  <div className="sm:col-span-2">
                    <dt className="inline">Acuerdo o resolución: </dt>
                    <dd className="inline">{t.agreementNumber}</dd>
                  </div>
                </dl>
                <FieldErrors id={fieldId("translator.search")} errors={identityErrors.length > 0 ? identityErrors : undefined} />
                <SelectField
                  id={fieldId("translator.language")}
                  label={L["translator.language"]}
                  hint="Los idiomas para los que el registro autoriza a este traductor."
                  placeholder="Seleccione el idioma"
                  options={languageOptions.map((l) => ({ value: l, label: l }))}
                  value={t.language}
                  errors={err("translator.language")}
                  onValue={(s) => update((v) => ({ ...v, translator: { ...v.translator, language: s } }), ["translator.language"])}
                />
              </div>
            ) : null}
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-700">Escríbalos tal como aparecen en la traducción (sello y firma del traductor).</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <InputField
                id={fieldId("translator.name")}
                label={L["translator.name"]}
                autoComplete="off"
                maxLength={200}
                value={t.name}
                errors={shown("translator.name")}
                onValue={(s) => typeField("name", s)}
              />
              <InputField
                id={fieldId("translator.registrationNumber")}
                label={L["translator.registrationNumber"]}
                hint="Por ejemplo: TJ-GN-0042."
                autoComplete="off"
                spellCheck={false}
                maxLength={60}
                value={t.registrationNumber}
                errors={shown("translator.registrationNumber")}
                onValue={(s) => typeField("registrationNumber", s)}
              />
              <InputField
                id={fieldId("translator.agreementNumber")}
                label={L["translator.agreementNumber"]}
                hint="Por ejemplo: Acuerdo Ministerial 2418-2019."
                autoComplete="off"
                maxLength={200}
                value={t.agreementNumber}
                errors={shown("translator.agreementNumber")}
                onValue={(s) => typeField("agreementNumber", s)}
              />
              <InputField
                id={fieldId("translator.language")}
                label={L["translator.language"]}
                hint="El idioma del documento original o de la traducción, distinto del español."
                autoComplete="off"
                list={`${uid}-idiomas`}
                maxLength={60}
                value={t.language}
                errors={shown("translator.language")}
                onValue={(s) => typeField("language", s)}
              />
              <datalist id={`${uid}-idiomas`}>
                {TRANSLATION_LANGUAGES.map((l) => (
                  <option key={l} value={l} />
                ))}
              </datalist>
            </div>
            <div className="space-y-2">
              <Button variant="secondary" onClick={() => void checkTyped()} disabled={checking}>
                {checking ? "Consultando el registro…" : "Comprobar en el registro"}
              </Button>
              <div aria-live="polite">
                {check?.kind === "ok" ? (
                  <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900" data-testid="translator-check">
                    {check.text}
                  </p>
                ) : check?.kind === "refused" && check.field === "translator" ? (
                  <p className="text-sm font-semibold text-red-800">{check.text}</p>
                ) : null}
              </div>
            </div>
          </div>
        )}
      </FormSection>

      <FormSection legend="Documento traducido">
        <InputField
          label={L.documentTitle}
          hint="Qué documento se tradujo, por ejemplo: Certificado de nacimiento, o Diploma de bachillerato."
          maxLength={200}
          {...d.text("documentTitle")}
        />
        <InputField
          label={L.holderName}
          hint="La persona a quien pertenece el documento, como aparece en la traducción."
          autoComplete="off"
          maxLength={200}
          {...d.text("holderName")}
        />
        <ContactPhoneField label={L.contactPhone} {...d.text("contactPhone")} />
      </FormSection>

      <FileUploads
        initialFiles={initial.files}
        {...d.uploadsFor()}
        kind="TRANSLATION"
        legend="Traducción jurada"
        requirement={TRANSLATION_REQUIREMENT}
      />

      <SubmitBar statusText={saveStatusText(d.status, d.caseInfo.number)}>
        <DraftButtons draft={d} isCorrection={isCorrection} />
      </SubmitBar>
    </DraftForm>
  );
}
