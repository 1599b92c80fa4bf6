// Business days for service levels (issue #14, decision 0022): Monday to Friday in Guatemala
// (America/Guatemala, UTC−6 all year, no DST), minus the holidays the admin keeps as data.
// Pure and client-safe: no database, no clock — callers pass `now` and the holidays they loaded
// once per request. Calendar days are handled as "YYYY-MM-DD" strings so no host timezone leaks in.

export type TIsoDate = string;
export type THolidayDay = { date: TIsoDate; halfDay?: boolean };

// Guatemala's offset: fixed, so a plain shift is exact (IANA America/Guatemala has had no DST since 2006).
const GUATEMALA_OFFSET_MS = -6 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

// The calendar day in Guatemala of an instant.
export function guatemalaDate(instant: Date): TIsoDate {
  return new Date(instant.getTime() + GUATEMALA_OFFSET_MS).toISOString().slice(0, 10);
}

function toUtcMidnight(day: TIsoDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function addCalendarDays(day: TIsoDate, n: number): TIsoDate {
  return new Date(toUtcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

// A half day off (24 and 31 December close at noon) counts as a whole day off: a stage's clock
// does not run on an afternoon the offices are closed, and a due date never falls on a morning
// that ends at noon (decision 0022).
export function isBusinessDay(day: TIsoDate, holidays: ReadonlySet<TIsoDate>): boolean {
  const weekday = new Date(toUtcMidnight(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

export function holidaySet(holidays: readonly (THolidayDay | TIsoDate)[]): ReadonlySet<TIsoDate> {
  return new Set(holidays.map((h) => (typeof h === "string" ? h : h.date)));
}

// Business days after `from` up to and including `to` (0 when `to` is not after `from`): a case
// that arrived on Friday afternoon has waited 1 business day on Monday, whatever the hour.
export function businessDaysBetween(from: TIsoDate, to: TIsoDate, holidays: ReadonlySet<TIsoDate>): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isBusinessDay(d, holidays)) n++;
  return n;
}

// The `n`th business day after `from` (n ≥ 0; n = 0 is `from` itself).
export function addBusinessDays(from: TIsoDate, n: number, holidays: ReadonlySet<TIsoDate>): TIsoDate {
  let d = from;
  // A year of holidays cannot hold more than a few hundred days off: the loop always ends.
  for (let left = Math.max(0, Math.trunc(n)); left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isBusinessDay(d, holidays)) left--;
  }
  return d;
}

// The `n`th business day before `from` (n ≥ 0): the demo data files cases that many business days ago.
export function subtractBusinessDays(from: TIsoDate, n: number, holidays: ReadonlySet<TIsoDate>): TIsoDate {
  let d = from;
  for (let left = Math.max(0, Math.trunc(n)); left > 0; ) {
    d = addCalendarDays(d, -1);
    if (isBusinessDay(d, holidays)) left--;
  }
  return d;
}

export type TServiceLevelState = "OVERDUE" | "DUE_SOON" | "ON_TIME";

export type TServiceLevelStatus = {
  state: TServiceLevelState;
  // The last business day (in Guatemala) the stage may still be completed on.
  dueDate: TIsoDate;
  // Business days the case has waited in its stage.
  elapsed: number;
  target: number;
};

// Where a case stands against its stage's target: "Vencida" (OVERDUE) once today in Guatemala is
// past the due date; "Por vencer" (DUE_SOON) when the due date is today or the next business day;
// else on time. Null without a target or without the stage's start.
export function serviceLevelStatus(
  stageSince: Date | null | undefined,
  targetBusinessDays: number | null | undefined,
  holidays: ReadonlySet<TIsoDate>,
  now: Date,
): TServiceLevelStatus | null {
  if (!stageSince || targetBusinessDays == null || targetBusinessDays <= 0) return null;
  const start = guatemalaDate(stageSince);
  const today = guatemalaDate(now);
  const dueDate = addBusinessDays(start, targetBusinessDays, holidays);
  const elapsed = businessDaysBetween(start, today, holidays);
  const state: TServiceLevelState = today > dueDate ? "OVERDUE" : businessDaysBetween(today, dueDate, holidays) <= 1 ? "DUE_SOON" : "ON_TIME";
  return { state, dueDate, elapsed, target: targetBusinessDays };
}
