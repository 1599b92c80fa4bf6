// A due date (a calendar day in Guatemala, "YYYY-MM-DD") in words for mail: "2 de marzo de 2026".
// Formatted at UTC midnight so no timezone moves the day.
const LONG = new Intl.DateTimeFormat("es-GT", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatGuatemalaDate(day: string): string {
  return LONG.format(new Date(`${day}T00:00:00Z`));
}
