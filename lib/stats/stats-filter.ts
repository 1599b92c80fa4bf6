import { z } from "zod";
import { PROCEDURES } from "@/lib/workflow/definitions";
import type { Procedure } from "@/lib/generated/prisma/enums";

// The dashboards' filters as they arrive in the URL (a GET form, so they work without JavaScript,
// and the CSV links carry the same ones). Months are Guatemala's (UTC−6 all year), both ends included.
const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use el formato AAAA-MM.");
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const ZStatsFilter = z
  .object({
    desde: optional(month),
    hasta: optional(month),
    // Central dashboard only; a director's is always their own DIDEDUC (lib/stats/resolve-stats-scope.ts).
    dideduc: optional(z.string().trim().max(40).regex(/^[A-Za-z0-9_-]+$/, "Dirección Departamental desconocida.")),
    tramite: optional(z.enum(PROCEDURES as [Procedure, ...Procedure[]], "Trámite desconocido.")),
  })
  .refine((f) => !f.desde || !f.hasta || f.desde <= f.hasta, { path: ["hasta"], message: "El mes final no puede ser anterior al inicial." });

export type TStatsFilterInput = z.infer<typeof ZStatsFilter>;

// What the queries receive: a half-open UTC range [from, to) of whole Guatemalan months.
export type TStatsPeriod = { from: Date; to: Date; desde: string; hasta: string };
export type TStatsFilter = { period: TStatsPeriod; dideducId: string | null; procedure: Procedure | null };

export const DEFAULT_MONTHS = 6;
export const MAX_MONTHS = 36;
const GT_OFFSET = "-06:00";

export function monthStart(m: string): Date {
  return new Date(`${m}-01T00:00:00.000${GT_OFFSET}`);
}

function addMonths(m: string, n: number): string {
  const [y, mo] = m.split("-").map(Number);
  const total = y * 12 + (mo - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

export function guatemalaMonth(d: Date): string {
  return new Date(d.getTime() - 6 * 3600_000).toISOString().slice(0, 7);
}

// The months of the period, oldest first ("2026-01", …).
export function periodMonths(p: Pick<TStatsPeriod, "desde" | "hasta">): string[] {
  const out: string[] = [];
  for (let m = p.desde; m <= p.hasta; m = addMonths(m, 1)) out.push(m);
  return out;
}

// `notices`: what the page changed in a valid request and says next to the field, not an error of
// the person's (the period cut to MAX_MONTHS).
export type TStatsFilterParse = { filter: TStatsFilter; values: TStatsFilterInput; fieldErrors: Record<string, string>; notices: Record<string, string> };

// Invalid fields are reported next to the field and left out; the rest still filters. Without dates,
// the last DEFAULT_MONTHS months up to the current one; a longer range is cut to MAX_MONTHS.
export function parseStatsFilter(params: Record<string, string | string[] | undefined>, now = new Date()): TStatsFilterParse {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === "string") raw[k] = one;
  }
  const fieldErrors: Record<string, string> = {};
  let parsed = ZStatsFilter.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    const cleaned = { ...raw };
    for (const k of Object.keys(fieldErrors)) delete cleaned[k];
    parsed = ZStatsFilter.safeParse(cleaned);
  }
  const values: TStatsFilterInput = parsed.success ? parsed.data : {};
  const current = guatemalaMonth(now);
  const hasta = values.hasta ?? (values.desde && values.desde > current ? values.desde : current);
  let desde = values.desde ?? addMonths(hasta, -(DEFAULT_MONTHS - 1));
  const notices: Record<string, string> = {};
  if (periodMonths({ desde, hasta }).length > MAX_MONTHS) {
    desde = addMonths(hasta, -(MAX_MONTHS - 1));
    notices.desde = `El período se limitó a ${MAX_MONTHS} meses: desde ${desde}.`;
  }
  return {
    filter: {
      period: { from: monthStart(desde), to: monthStart(addMonths(hasta, 1)), desde, hasta },
      dideducId: values.dideduc ?? null,
      procedure: values.tramite ?? null,
    },
    values,
    fieldErrors,
    notices,
  };
}

// The filter back as URL parameters (the CSV links, "Quitar filtros").
export function statsFilterParams(f: TStatsFilter, options: { withDideduc: boolean }): URLSearchParams {
  const p = new URLSearchParams({ desde: f.period.desde, hasta: f.period.hasta });
  if (options.withDideduc && f.dideducId) p.set("dideduc", f.dideducId);
  if (f.procedure) p.set("tramite", f.procedure);
  return p;
}
