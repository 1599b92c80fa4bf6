// Dates as people in Guatemala read them (UTC−6 all year), the same on the server and in the browser.
const DATE_TIME = new Intl.DateTimeFormat("es-GT", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Guatemala" });
const DATE = new Intl.DateTimeFormat("es-GT", { dateStyle: "long", timeZone: "America/Guatemala" });
const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "America/Guatemala" });

function toDate(d: Date | string): Date {
  return typeof d === "string" ? new Date(d) : d;
}

export function formatDateTime(d: Date | string): string {
  return DATE_TIME.format(toDate(d));
}

export function formatDate(d: Date | string): string {
  return DATE.format(toDate(d));
}

// "14:05", for "Borrador guardado 14:05".
export function formatTime(d: Date | string): string {
  return TIME.format(toDate(d));
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("es-GT", { maximumFractionDigits: 1 })} MB`;
}

export function pagesText(pages: number): string {
  return `${pages} ${pages === 1 ? "página" : "páginas"}`;
}
