import { z } from "zod";
import { validateCui } from "@/lib/identity/validate-cui";
import { codePointLabel } from "@/lib/validation/hidden-characters";
import { safeText } from "@/lib/validation/safe-text";
import { DIPLOMA_NUMBER_FORMAT_MESSAGE, normalizeDiplomaNumber } from "./diploma-number";
import { DIPLOMA_SIGNATORY_CSV_VALUES, parseDiplomaSignatory } from "./diploma-signatory";
import { foldText, tidyText } from "./fold-text";

// Client-safe. The columns of the title registry's CSV, as the import page documents them. The
// header row names them (any order, accents and case ignored); other columns are ignored, so the
// report of rejected rows (which adds "linea" and "motivo") can be corrected and imported again.
// `firmado_por` is optional (files exported before it existed still import): absent or empty
// means the DIDEDUC signed the title. `cui` and `fecha_nacimiento` are optional too: they are what
// D.2.2 asks besides the number before it shows a title (lib/registry/match-diploma-holder).
export const DIPLOMA_CSV_COLUMNS = [
  { key: "registrationNumber", header: "numero_registro", aliases: ["numero", "numero_de_registro", "registro"], label: "Número de registro del título, como aparece en su esquina superior derecha (por ejemplo D-2015-018734)." },
  { key: "holderName", header: "nombre", aliases: ["nombre_completo", "nombre_del_graduado"], label: "Nombre completo del graduado, como aparece en el título." },
  { key: "degree", header: "titulo", aliases: ["carrera"], label: "Título o carrera obtenida (por ejemplo Bachiller en Ciencias y Letras)." },
  { key: "school", header: "establecimiento", aliases: ["centro_educativo"], label: "Establecimiento educativo que lo extendió." },
  { key: "year", header: "anio", aliases: ["ano", "year"], label: "Año de graduación: 2005 o posterior, no en el futuro." },
  { key: "dideduc", header: "dideduc", aliases: ["codigo_dideduc", "direccion_departamental"], label: "Dirección Departamental de Educación: su código (por ejemplo quetzaltenango) o su nombre (Quetzaltenango)." },
  {
    key: "signedBy",
    header: "firmado_por",
    aliases: ["firmante", "firma"],
    label: `Opcional. Quién firmó el título: ${DIPLOMA_SIGNATORY_CSV_VALUES.DIDEDUC} (la Dirección Departamental; también si la columna falta o está vacía), ${DIPLOMA_SIGNATORY_CSV_VALUES.REGIONAL_DIRECTOR} o ${DIPLOMA_SIGNATORY_CSV_VALUES.MINISTER}. Los títulos firmados por un Director Regional o un Ministro no se certifican en línea (siguen el instructivo ATE-INS-04).`,
    optional: true,
  },
  {
    key: "holderCui",
    header: "cui",
    aliases: ["cui_graduado", "cui_del_graduado", "dpi"],
    label:
      "Opcional. CUI del graduado (13 dígitos, con o sin espacios). Con él o con la fecha de nacimiento la persona ve su título al solicitar la certificación; un título sin ninguno de los dos no se muestra a nadie y se certifica como título anterior a 2005.",
    optional: true,
  },
  {
    key: "holderBirthDate",
    header: "fecha_nacimiento",
    aliases: ["fecha_de_nacimiento", "nacimiento"],
    label: "Opcional. Fecha de nacimiento del graduado: 2001-02-27 o 27/02/2001.",
    optional: true,
  },
] as const;

export type TDiplomaCsvKey = (typeof DIPLOMA_CSV_COLUMNS)[number]["key"];

export function headerKey(header: string): string {
  return foldText(header).replace(/ /g, "_");
}

// Header fields → the index of each known column, and the columns missing.
export function mapDiplomaCsvHeader(header: readonly string[]): { index: Partial<Record<TDiplomaCsvKey, number>>; missing: string[] } {
  const keys = header.map(headerKey);
  const index: Partial<Record<TDiplomaCsvKey, number>> = {};
  for (const column of DIPLOMA_CSV_COLUMNS) {
    const names: string[] = [column.header, ...column.aliases];
    const at = keys.findIndex((k) => names.includes(k));
    if (at >= 0) index[column.key] = at;
  }
  const missing = DIPLOMA_CSV_COLUMNS.filter((c) => index[c.key] === undefined && !("optional" in c && c.optional)).map((c) => c.header);
  return { index, missing };
}

const NAME = /^[\p{L}][\p{L}\p{M}' .-]*$/u;
// A cell may hold a line break (a spreadsheet's Alt+Enter); tidyText makes it a space.
const text = (label: string, min: number, max: number) =>
  safeText(undefined, {
    multiline: true,
    hiddenMessage: (c) =>
      `${label[0].toUpperCase()}${label.slice(1)} tiene un carácter invisible o de control (${codePointLabel(c)}): bórrelo en el archivo y vuelva a importarlo.`,
  })
    .transform(tidyText)
    .pipe(
      z
        .string()
        .min(1, `Falta ${label}.`)
        .min(min, `${label[0].toUpperCase()}${label.slice(1)} es demasiado corto.`)
        .max(max, `${label[0].toUpperCase()}${label.slice(1)} pasa de ${max} caracteres.`)
        .refine((v) => !v.includes("\uFFFD"), `${label[0].toUpperCase()}${label.slice(1)} tiene caracteres ilegibles: guarde el archivo como «CSV UTF-8».`),
    );

// "2001-02-27" or "27/02/2001" (a spreadsheet in Spanish) → that day at 00:00 UTC, or null.
export function parseCsvDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Rejects 31/02 and the like, which Date would roll over into March.
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : null;
}

// One row, as read from the file (strings) → the values to store. `now` bounds the year.
export function diplomaCsvRowSchema(now: Date) {
  // Guatemala (UTC−6): on 31 December 19:00 there it is still that year.
  const currentYear = new Date(now.getTime() - 6 * 3600 * 1000).getUTCFullYear();
  return z.object({
    registrationNumber: z
      .string()
      .trim()
      .min(1, "Falta el número de registro.")
      .transform((value, ctx) => {
        const n = normalizeDiplomaNumber(value);
        if (!n) {
          ctx.addIssue({ code: "custom", message: `Número de registro no válido («${value.slice(0, 40)}»). ${DIPLOMA_NUMBER_FORMAT_MESSAGE}` });
          return z.NEVER;
        }
        return n;
      }),
    holderName: text("el nombre", 5, 200).refine(
      (v) => v.length === 0 || (NAME.test(v) && v.split(" ").length >= 2),
      "El nombre debe tener al menos un nombre y un apellido, solo con letras.",
    ),
    degree: text("el título", 5, 200),
    school: text("el establecimiento", 5, 300),
    year: z
      .string()
      .trim()
      .min(1, "Falta el año.")
      .regex(/^\d{4}$/, "El año debe tener cuatro cifras.")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(2005, "El año es anterior a 2005: esos títulos no entran en este registro (se certifican por el trámite de títulos antes de 2005).")
          .max(currentYear, `El año está en el futuro (posterior a ${currentYear}).`),
      ),
    dideduc: z.string().trim().min(1, "Falta la DIDEDUC."),
    signedBy: z
      .string()
      .optional()
      .transform((value = "", ctx) => {
        const signedBy = parseDiplomaSignatory(value);
        if (!signedBy) {
          const allowed = Object.values(DIPLOMA_SIGNATORY_CSV_VALUES).join(", ");
          ctx.addIssue({ code: "custom", message: `Firmado por «${value.trim().slice(0, 40)}» no es un valor válido: escriba ${allowed}, o deje la celda vacía si firmó la Dirección Departamental.` });
          return z.NEVER;
        }
        return signedBy;
      }),
    holderCui: z
      .string()
      .optional()
      .transform((value = "", ctx) => {
        const typed = value.trim();
        if (typed === "") return null;
        const cui = validateCui(typed);
        if (!cui.ok) {
          ctx.addIssue({ code: "custom", message: `El CUI «${typed.slice(0, 20)}» no es válido: debe tener 13 dígitos y su dígito verificador debe cuadrar.` });
          return z.NEVER;
        }
        return cui.cui;
      }),
    holderBirthDate: z
      .string()
      .optional()
      .transform((value = "", ctx) => {
        const typed = value.trim();
        if (typed === "") return null;
        const date = parseCsvDate(typed);
        if (!date || date.getUTCFullYear() < 1900 || date.getTime() > now.getTime()) {
          ctx.addIssue({ code: "custom", message: `La fecha de nacimiento «${typed.slice(0, 20)}» no es válida: escríbala como 2001-02-27 o 27/02/2001.` });
          return z.NEVER;
        }
        return date;
      }),
  });
}

export type TDiplomaCsvRow = z.output<ReturnType<typeof diplomaCsvRowSchema>>;
