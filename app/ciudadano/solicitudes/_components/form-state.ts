// The editor's own state: everything as typed (years stay strings until saved), plus the DIDEDUC,
// which lives on the case, not in formData. Pure functions, shared by the editor and its tests.

import { objectOf, optionalText, studentPayloadOf, studentValuesOf, textOf, type TStudentValues } from "./form-values";

export type TStudyRow = { key: string; level: string; year: string; institution: string };

export type TEditorValues = {
  modality: string;
  documentKinds: string[];
  otherDescription: string;
  student: TStudentValues;
  studies: TStudyRow[];
  contactPhone: string;
  dideducId: string;
  // Who signed the documents (lib/cases/forms/title-signatory), "" until answered.
  signedBy: string;
  // The one-page files whose back the person declared blank.
  blankBackFileIds: string[];
};

// What saveCaseDraft stores: the lenient draft shape of lib/cases/forms/educational-record-form.
export type TDraftPayload = {
  modality?: string;
  documentKinds: string[];
  otherDescription?: string;
  student: { firstNames?: string; lastNames?: string; cui?: string; birthDate?: string };
  studies: Array<{ level?: string; year?: number; institution?: string }>;
  contactPhone?: string;
  signedBy?: string;
  blankBackFileIds?: string[];
};

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `fila-${Date.now().toString(36)}-${rowCounter}`;
}

export function emptyStudyRow(): TStudyRow {
  return { key: newRowKey(), level: "", year: "", institution: "" };
}

// Whatever formData holds (stored by an older version, copied from another case…) becomes editor
// values without throwing: unknown keys are ignored, missing ones start empty.
export function valuesFromFormData(formData: unknown, dideducId: string | null | undefined): TEditorValues {
  const data = objectOf(formData);
  const studies = Array.isArray(data.studies) ? data.studies.map(objectOf) : [];
  return {
    modality: textOf(data.modality),
    documentKinds: Array.isArray(data.documentKinds) ? data.documentKinds.filter((k): k is string => typeof k === "string") : [],
    otherDescription: textOf(data.otherDescription),
    student: studentValuesOf(data.student),
    studies: studies.length > 0
      ? studies.map((s) => ({ key: newRowKey(), level: textOf(s.level), year: textOf(s.year), institution: textOf(s.institution) }))
      : [emptyStudyRow()],
    contactPhone: textOf(data.contactPhone),
    dideducId: dideducId ?? "",
    signedBy: textOf(data.signedBy),
    blankBackFileIds: Array.isArray(data.blankBackFileIds) ? data.blankBackFileIds.filter((k): k is string => typeof k === "string") : [],
  };
}

// Editor values → the draft's formData. A year that is not (yet) a number is left out of the saved
// draft, but the editor keeps showing it: the strict check on submission names it.
export function draftPayloadOf(values: TEditorValues): TDraftPayload {
  const studies = values.studies
    .filter((r) => r.level.trim() || r.year.trim() || r.institution.trim())
    .map((r) => {
      const year = /^\d{1,4}$/.test(r.year.trim()) ? Number(r.year.trim()) : undefined;
      return { level: optionalText(r.level), year, institution: optionalText(r.institution) };
    });
  return {
    modality: optionalText(values.modality),
    documentKinds: values.documentKinds,
    otherDescription: values.documentKinds.includes("OTROS") ? optionalText(values.otherDescription) : undefined,
    student: studentPayloadOf(values.student),
    studies,
    contactPhone: optionalText(values.contactPhone),
    signedBy: optionalText(values.signedBy),
    blankBackFileIds: values.blankBackFileIds.length > 0 ? values.blankBackFileIds : undefined,
  };
}

// Comparable snapshot (row keys are the editor's, not data).
export function snapshotOf(values: TEditorValues): string {
  return JSON.stringify({ ...values, studies: values.studies.map(({ level, year, institution }) => ({ level, year, institution })) });
}

// Field paths (as the server names them: "student.firstNames", "studies.0.year") → element ids.
export function fieldId(path: string): string {
  return `f-${path.replace(/^formData\./, "").replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

// Server paths count rows after empty ones are dropped (draftPayloadOf); map them back to the
// editor's row index so the message lands next to the right row.
export function editorRowIndexes(values: TEditorValues): number[] {
  const out: number[] = [];
  values.studies.forEach((r, i) => {
    if (r.level.trim() || r.year.trim() || r.institution.trim()) out.push(i);
  });
  return out;
}

export function normalizeErrorPath(path: string, values: TEditorValues): string {
  const clean = path.replace(/^formData\./, "");
  const m = /^studies\.(\d+)(\..*)?$/.exec(clean);
  if (!m) return clean;
  const rows = editorRowIndexes(values);
  const index = rows[Number(m[1])] ?? Number(m[1]);
  return `studies.${index}${m[2] ?? ""}`;
}
