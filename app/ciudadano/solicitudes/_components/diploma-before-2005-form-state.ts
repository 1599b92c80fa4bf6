// The D.2.1 editor's own state: everything as typed (the year stays a string until saved), plus the
// DIDEDUC, which lives on the case. Pure functions, shared by the editor and its tests.

import { objectOf, optionalText, studentPayloadOf, studentValuesOf, textOf, type TStudentValues } from "./form-values";

export type TDiplomaBefore2005Values = {
  modality: string;
  title: { degree: string; specialty: string; institution: string; graduationYear: string };
  cgcStamp: { registrationNumber: string; book: string; folio: string; date: string };
  cgcStampConfirmed: boolean;
  student: TStudentValues;
  contactPhone: string;
  dideducId: string;
  // The D.2.2 registration number that was not in the registry, when the request came from there.
  registryMissNumber: string;
  // Who signed the title (lib/cases/forms/title-signatory), "" until answered.
  signedBy: string;
};

// What saveCaseDraft stores: the lenient draft shape of lib/cases/forms/diploma-before-2005-form.
// `dideducId` rides along for the browser's copy; the draft schema drops it from formData.
export type TDiplomaBefore2005Payload = {
  modality?: string;
  title: { degree?: string; specialty?: string; institution?: string; graduationYear?: number };
  cgcStamp: { registrationNumber?: string; book?: string; folio?: string; date?: string };
  cgcStampConfirmed?: boolean;
  student: { firstNames?: string; lastNames?: string; cui?: string; birthDate?: string };
  contactPhone?: string;
  dideducId?: string;
  registryMiss?: { registrationNumber: string };
  signedBy?: string;
};

// Whatever formData holds (an older version, a copy from another case, a browser copy) becomes
// editor values without throwing. The DIDEDUC comes from the copy when it has one, else from the case.
export function diplomaValuesFromFormData(formData: unknown, dideducId: string | null | undefined): TDiplomaBefore2005Values {
  const data = objectOf(formData);
  const title = objectOf(data.title);
  const cgc = objectOf(data.cgcStamp);
  const miss = objectOf(data.registryMiss);
  return {
    modality: data.modality === "ESCOLAR" || data.modality === "EXTRAESCOLAR" ? data.modality : "",
    title: { degree: textOf(title.degree), specialty: textOf(title.specialty), institution: textOf(title.institution), graduationYear: textOf(title.graduationYear) },
    cgcStamp: { registrationNumber: textOf(cgc.registrationNumber), book: textOf(cgc.book), folio: textOf(cgc.folio), date: textOf(cgc.date) },
    cgcStampConfirmed: data.cgcStampConfirmed === true,
    student: studentValuesOf(data.student),
    contactPhone: textOf(data.contactPhone),
    dideducId: typeof data.dideducId === "string" ? data.dideducId : (dideducId ?? ""),
    registryMissNumber: textOf(miss.registrationNumber),
    signedBy: textOf(data.signedBy),
  };
}

// Editor values → the draft's formData. A year that is not (yet) a number is left out of the saved
// draft, but the editor keeps showing it: the strict check on submission names it.
export function diplomaPayloadOf(values: TDiplomaBefore2005Values): TDiplomaBefore2005Payload {
  const year = values.title.graduationYear.trim();
  return {
    modality: optionalText(values.modality),
    title: {
      degree: optionalText(values.title.degree),
      specialty: optionalText(values.title.specialty),
      institution: optionalText(values.title.institution),
      graduationYear: /^\d{1,4}$/.test(year) ? Number(year) : undefined,
    },
    cgcStamp: {
      registrationNumber: optionalText(values.cgcStamp.registrationNumber),
      book: optionalText(values.cgcStamp.book),
      folio: optionalText(values.cgcStamp.folio),
      date: optionalText(values.cgcStamp.date),
    },
    cgcStampConfirmed: values.cgcStampConfirmed || undefined,
    student: studentPayloadOf(values.student),
    contactPhone: optionalText(values.contactPhone),
    dideducId: optionalText(values.dideducId),
    // Not editable here: kept so autosave never drops where the request came from.
    registryMiss: values.registryMissNumber ? { registrationNumber: values.registryMissNumber } : undefined,
    signedBy: optionalText(values.signedBy),
  };
}

// The year as the editor has it, for the "this title goes through D.2.2" notice while typing.
export function typedGraduationYear(values: TDiplomaBefore2005Values): number | null {
  const year = values.title.graduationYear.trim();
  return /^\d{4}$/.test(year) ? Number(year) : null;
}
