import { z } from "zod";

// zod's global configuration, in one place. zod keeps it on globalThis, so importing this module
// once configures every copy of zod in the process or page; the modules that define or run schemas
// import it (lib/validation/safe-text.ts, lib/action.ts). Two settings:
// - Messages: zod writes its own in English when a schema does not give one (an oversized field of
//   a forged request, a missing value, a wrong type). Every person reading this app reads Spanish,
//   so the common cases are worded here as a form would say them, and zod's own Spanish locale
//   covers whatever is left.
// - jitless: zod compiles object parsers with `new Function` after probing whether eval works. Our
//   Content-Security-Policy (proxy.ts) forbids eval, and the browser reports even the caught probe
//   as a violation; the interpreted parser is as correct and fast enough for our forms.

const NUMBER_ORIGINS = new Set(["number", "int", "bigint"]);
const SIZE = new Intl.NumberFormat("es-GT", { maximumFractionDigits: 1 });

function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${SIZE.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${SIZE.format(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function spanishIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "Falta este dato." : "Este dato no tiene el formato esperado.";
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `No puede tener más de ${max} caracteres.`;
      if (issue.origin === "array" || issue.origin === "set") return `Se admiten hasta ${max} elementos.`;
      if (issue.origin === "file") return `El archivo no puede pesar más de ${sizeOf(max)}.`;
      if (NUMBER_ORIGINS.has(issue.origin)) return issue.inclusive ? `Debe ser ${max} como máximo.` : `Debe ser menor que ${max}.`;
      return "El valor es demasiado grande.";
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "Este dato es obligatorio." : `Debe tener al menos ${min} caracteres.`;
      if (issue.origin === "array" || issue.origin === "set") return min <= 1 ? "Elija al menos una opción." : `Elija al menos ${min} opciones.`;
      if (issue.origin === "file") return "El archivo está vacío.";
      if (NUMBER_ORIGINS.has(issue.origin)) return issue.inclusive ? `Debe ser ${min} como mínimo.` : `Debe ser mayor que ${min}.`;
      return "El valor es demasiado pequeño.";
    }
    case "invalid_value":
      return issue.values.length === 1 ? "Este valor no es válido." : "Elija una de las opciones de la lista.";
    case "invalid_format":
      if (issue.format === "email") return "Escriba un correo válido, por ejemplo nombre@dominio.com.";
      if (issue.format === "url") return "Escriba una dirección web válida.";
      if (issue.format === "date" || issue.format === "datetime") return "Escriba una fecha válida.";
      return "El formato no es válido.";
    case "not_multiple_of":
      return `Debe ser múltiplo de ${issue.divisor}.`;
    case "unrecognized_keys":
      return `Este formulario no lleva ${issue.keys.length > 1 ? "los datos" : "el dato"} ${issue.keys.map((k) => `«${k}»`).join(", ")}.`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return "Este dato no es válido.";
    default:
      return undefined;
  }
}

export function configureZod(): void {
  z.config({ ...z.locales.es(), customError: spanishIssueMessage, jitless: true });
}

configureZod();
