// What the title registry import accepts as a file, in one place for both sides: the browser
// refuses before sending a byte what the server would refuse anyway (a 300 MB file is not
// uploaded to be told it is too large), and says it in the same words. No `server-only`: the
// admin's import form imports it.

export const MAX_DIPLOMA_CSV_MB = 200;
export const MAX_DIPLOMA_CSV_BYTES = MAX_DIPLOMA_CSV_MB * 1024 * 1024;

// What the file picker offers; the server also takes a .txt name (some spreadsheets save CSV so).
export const DIPLOMA_CSV_ACCEPT = ".csv,text/csv";

export const DIPLOMA_CSV_MESSAGES = {
  missing: "Elija el archivo CSV que desea importar.",
  notCsv: "El archivo debe ser un CSV (extensión .csv), guardado como «CSV UTF-8».",
  empty: "El archivo está vacío (0 bytes). Elija de nuevo el CSV guardado desde la hoja de cálculo.",
  tooLarge: `El archivo pasa de ${MAX_DIPLOMA_CSV_MB} MB. Divídalo en partes e impórtelas una por una.`,
} as const;

export function isDiplomaCsvName(name: string): boolean {
  return /\.(csv|txt)$/i.test(name);
}

// The browser's check of the chosen file: null when it may be sent.
export function checkDiplomaCsvFile(file: { name: string; size: number } | null | undefined): string | null {
  if (!file) return DIPLOMA_CSV_MESSAGES.missing;
  if (!isDiplomaCsvName(file.name)) return DIPLOMA_CSV_MESSAGES.notCsv;
  if (file.size === 0) return DIPLOMA_CSV_MESSAGES.empty;
  if (file.size > MAX_DIPLOMA_CSV_BYTES) return DIPLOMA_CSV_MESSAGES.tooLarge;
  return null;
}
