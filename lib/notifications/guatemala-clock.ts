// The staff digest's calendar: Guatemala's date and hour (America/Guatemala, UTC−6 all year), so
// "once a day at 7:00" means the office's morning wherever the server runs.
const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Guatemala",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

export type TGuatemalaClock = { day: string; hour: number };

export function guatemalaClock(now: Date): TGuatemalaClock {
  const parts = Object.fromEntries(PARTS.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
