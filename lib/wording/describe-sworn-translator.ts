import { chooseGenderedForm, type TGrammaticalGender } from "./choose-gendered-form";

// How sheets, pages and mails name a sworn translator by role, in agreement with the gender the
// translator stated in the D.4 registration (stored on the registry entry). Client-safe.
export type TSwornTranslatorWording = {
  // "traductora jurada" | "traductor jurado" | "traductor(a) jurado(a)"
  title: string;
  // The same at the start of a label: "Traductora jurada".
  label: string;
  // "la traductora jurada" | "el traductor jurado" | "el/la traductor(a) jurado(a)"
  withArticle: string;
  // "de la traductora jurada" | "del traductor jurado" | "del/de la traductor(a) jurado(a)"
  ofThe: string;
  // Participles: "nombrada", "registrada", "inscrita" and the masculine and inclusive forms.
  appointed: string;
  registered: string;
  enrolled: string;
  authorized: string;
  active: string;
  // The object pronoun: "el registro la autoriza" | "lo autoriza" | "lo(a) autoriza".
  pronoun: string;
};

export function describeSwornTranslator(gender: TGrammaticalGender | null | undefined): TSwornTranslatorWording {
  return chooseGenderedForm<TSwornTranslatorWording>(gender, {
    feminine: {
      title: "traductora jurada",
      label: "Traductora jurada",
      withArticle: "la traductora jurada",
      ofThe: "de la traductora jurada",
      appointed: "nombrada",
      registered: "registrada",
      enrolled: "inscrita",
      authorized: "autorizada",
      active: "activa",
      pronoun: "la",
    },
    masculine: {
      title: "traductor jurado",
      label: "Traductor jurado",
      withArticle: "el traductor jurado",
      ofThe: "del traductor jurado",
      appointed: "nombrado",
      registered: "registrado",
      enrolled: "inscrito",
      authorized: "autorizado",
      active: "activo",
      pronoun: "lo",
    },
    inclusive: {
      title: "traductor(a) jurado(a)",
      label: "Traductor(a) jurado(a)",
      withArticle: "el/la traductor(a) jurado(a)",
      ofThe: "del/de la traductor(a) jurado(a)",
      appointed: "nombrado(a)",
      registered: "registrado(a)",
      enrolled: "inscrito(a)",
      authorized: "autorizado(a)",
      active: "activo(a)",
      pronoun: "lo(a)",
    },
  });
}

// The choice the D.4 form offers ("Forma de trato"), in the words the sheet will use.
export const TRANSLATOR_FORM_OF_ADDRESS_OPTIONS: ReadonlyArray<{ value: TGrammaticalGender; label: string }> = [
  { value: "FEMININE", label: "Traductora jurada" },
  { value: "MASCULINE", label: "Traductor jurado" },
];
