// "5 de diciembre de 2026, 14:03 (hora de Guatemala)": a trusted time as the verification page,
// the staff report and pdf:verify print it. Guatemala is UTC−6 all year.
const DATE = new Intl.DateTimeFormat("es-GT", { day: "numeric", month: "long", year: "numeric", timeZone: "America/Guatemala" });
const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "America/Guatemala" });

export function formatGuatemalaTime(date: Date | string, options: { zone?: boolean } = {}): string {
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return "fecha desconocida";
  return `${DATE.format(d)}, ${TIME.format(d)}${options.zone === false ? "" : " (hora de Guatemala)"}`;
}
