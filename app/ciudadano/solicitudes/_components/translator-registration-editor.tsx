"use client";

import {
  RESOLUTION_STAMP_CONFIRMATION_LABEL,
  RESOLUTION_STAMP_REQUIREMENT,
  TRANSLATION_LANGUAGES,
  TRANSLATOR_GENDER_LABELS,
  TRANSLATOR_GENDER_QUESTION,
  TRANSLATOR_REGISTRATION_LABELS as L,
} from "@/lib/cases/forms/translator-registration-form";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { ContactPhoneField } from "./contact-phone-field";
import { DideducSelect } from "./dideduc-select";
import { DraftForm } from "./draft-form";
import type { TEditorInitial } from "./editor-initial";
import { fieldErrorPaths, formMessageOf, rankIn, summaryItemsOf } from "./error-summary";
import { CheckboxList, ConfirmCheckbox, FieldErrors, FormSection, InputField, RadioGroupField, toggled } from "./fields";
import { FileUploads } from "./file-uploads";
import { fieldId } from "./form-state";
import { objectOf, optionalText, stringOf } from "./form-values";
import { DraftButtons, SubmitBar } from "./submit-bar";
import { saveStatusText, useCaseDraft, type TDraftCodec } from "./use-case-draft";

type TValues = {
  name: string;
  // "" until answered; "FEMININE" | "MASCULINE".
  gender: string;
  languages: string[];
  otherLanguages: string;
  appointmentResolution: string;
  dideducRegistrationNumber: string;
  dideducId: string;
  resolutionStampConfirmed: boolean;
  contactPhone: string;
};

export const translatorRegistrationCodec: TDraftCodec<TValues> = {
  procedure: "TRANSLATOR_REGISTRATION",
  fromFormData(formData) {
    const d = objectOf(formData);
    return {
      name: stringOf(d.name),
      gender: d.gender === "FEMININE" || d.gender === "MASCULINE" ? d.gender : "",
      languages: Array.isArray(d.languages) ? d.languages.filter((l): l is string => typeof l === "string").slice(0, 20) : [],
      otherLanguages: stringOf(d.otherLanguages),
      appointmentResolution: stringOf(d.appointmentResolution),
      dideducRegistrationNumber: stringOf(d.dideducRegistrationNumber),
      dideducId: stringOf(d.dideducId),
      resolutionStampConfirmed: d.resolutionStampConfirmed === true,
      contactPhone: stringOf(d.contactPhone),
    };
  },
  toFormData(v) {
    return {
      name: optionalText(v.name),
      gender: v.gender || undefined,
      languages: v.languages,
      otherLanguages: optionalText(v.otherLanguages),
      appointmentResolution: optionalText(v.appointmentResolution),
      dideducRegistrationNumber: optionalText(v.dideducRegistrationNumber),
      dideducId: optionalText(v.dideducId),
      resolutionStampConfirmed: v.resolutionStampConfirmed || undefined,
      contactPhone: optionalText(v.contactPhone),
    };
  },
};

// Where fields sit in the form, for the order of the error summary and its links.
const FIELD_ORDER = ["_form", "name", "gender", "contactPhone", "languages", "otherLanguages", "appointmentResolution", "dideducId", "dideducRegistrationNumber", "resolutionStampConfirmed", "files"];
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
  const summaryItems = summaryItemsOf(fieldErrors, fieldErrorPaths(fieldErrors, rankIn(FIELD_ORDER)), anchorFor);
  // The form speaks to the translator as they chose above (inclusive until they choose).
  const as = describeSwornTranslator(values.gender === "FEMININE" || values.gender === "MASCULINE" ? values.gender : null);
  const otherListed = values.languages.filter((l) => !(TRANSLATION_LANGUAGES as readonly string[]).includes(l));

  return (
    <DraftForm draft={d} isCorrection={isCorrection} formMessage={formMessageOf(d.formError, fieldErrors)} summaryItems={summaryItems}>
      <FormSection legend="Sus datos">
        <InputField
          label={L.name}
          hint="Tal como aparece en la resolución o el acuerdo de su nombramiento."
          autoComplete="name"
          maxLength={200}
          {...d.text("name")}
        />
        <ContactPhoneField label={L.contactPhone} {...d.text("contactPhone")} />
      </FormSection>

      <RadioGroupField
        name="gender"
        legend={TRANSLATOR_GENDER_QUESTION}
        intro="Así se le nombrará en las certificaciones de sus traducciones: «traductora jurada, nombrada, inscrita» o «traductor jurado, nombrado, inscrito»."
        labels={TRANSLATOR_GENDER_LABELS}
        {...d.text("gender")}
      />

      <FormSection
        legend={L.languages}
        intro={`Marque cada idioma para el que fue ${as.appointed} ${as.title}. Si alguno no está en la lista, escríbalo abajo.`}
        className="space-y-3"
        id={fieldId("languages")}
        tabIndex={-1}
        aria-describedby={err("languages") ? `${fieldId("languages")}-error` : undefined}
      >
        <FieldErrors id={fieldId("languages")} errors={err("languages")} />
        <CheckboxList
          className="grid gap-x-6 gap-y-1 sm:grid-cols-3"
          options={[...TRANSLATION_LANGUAGES, ...otherListed].map((language) => ({ value: language, label: language }))}
          checked={values.languages}
          idOf={(language) => fieldId(`languages.${language}`)}
          onToggle={(language, checked) => update((v) => ({ ...v, languages: toggled(v.languages, language, checked) }), ["languages"])}
        />
        <InputField
          label={L.otherLanguages}
          hint="Separados por comas, por ejemplo: catalán, swahili."
          optional
          maxLength={300}
          {...d.text("otherLanguages", ["otherLanguages", "languages"])}
        />
      </FormSection>

      <FormSection legend="Nombramiento y registro">
        <InputField
          label={L.appointmentResolution}
          hint="Por ejemplo: Acuerdo Ministerial 2418-2019."
          maxLength={200}
          {...d.text("appointmentResolution")}
        />
        <DideducSelect
          label={L.dideducId}
          hint="La Dirección Departamental de Educación que puso el sello de registro en su resolución o acuerdo."
          dideducs={dideducs}
          {...d.text("dideducId", ["dideducId", "dideducRegistrationNumber"])}
        />
        <InputField
          label={L.dideducRegistrationNumber}
          hint="El número que aparece en el sello de registro de la Dirección Departamental, por ejemplo TJ-GN-0042."
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          {...d.text("dideducRegistrationNumber")}
        />
      </FormSection>

      <FileUploads
        initialFiles={initial.files}
        {...d.uploadsFor()}
        kind="APPOINTMENT_RESOLUTION"
        legend="Resolución o acuerdo de nombramiento"
        requirement={RESOLUTION_STAMP_REQUIREMENT}
      />

      <ConfirmCheckbox
        id={fieldId("resolutionStampConfirmed-input")}
        errorsId={fieldId("resolutionStampConfirmed")}
        group={{ id: fieldId("resolutionStampConfirmed"), tabIndex: -1 }}
        label={RESOLUTION_STAMP_CONFIRMATION_LABEL}
        checked={values.resolutionStampConfirmed}
        errors={err("resolutionStampConfirmed")}
        onChecked={(checked) => update((v) => ({ ...v, resolutionStampConfirmed: checked }), ["resolutionStampConfirmed"])}
      />

      <SubmitBar statusText={saveStatusText(d.status, d.caseInfo.number)}>
        <DraftButtons draft={d} isCorrection={isCorrection} submitLabel="Enviar solicitud de registro" />
      </SubmitBar>
    </DraftForm>
  );
}
