import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TTranslatorRegisteredMailData = TCaseMailData & {
  // The registry entry as it now stands.
  translatorName: string;
  // As stated in the registration: "ya está inscrita", "podrán elegirla".
  gender: TGrammaticalGender | null;
  registrationNumber: string;
  dideducName: string;
  languages: readonly string[];
  appointmentResolution: string;
};

// D.4, activity 4: the central manager tells the translator the registration was made.
export function translatorRegisteredMail(d: TTranslatorRegisteredMailData): TRenderedMail {
  const as = describeSwornTranslator(d.gender);
  return renderMail(`Su registro de traductor jurado ${d.caseNumber} fue realizado`, d.applicantName, [
    {
      type: "paragraph",
      text:
        `El Departamento de Atención al Ciudadano del Ministerio de Educación aceptó su solicitud: ya está ${as.enrolled} en el ` +
        "registro de traductores jurados. Las personas que soliciten la certificación de sus traducciones juradas podrán " +
        `elegir${as.pronoun} en Certifica.`,
    },
    {
      type: "details",
      rows: [
        ["Nombre", d.translatorName],
        ["Número de registro", d.registrationNumber],
        ["Dirección Departamental", d.dideducName],
        ["Idiomas autorizados", d.languages.join(", ")],
        ["Acuerdo o resolución", d.appointmentResolution],
      ],
    },
    { type: "action", label: "Ver mi registro", url: d.caseUrl },
  ]);
}
