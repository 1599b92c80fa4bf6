import { z } from "zod";

// The filters of /admin/auditoria, as they arrive in its URL (also the CSV link's). Dates are days
// in Guatemala (UTC−6 all year), both ends included.
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use el formato AAAA-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00-06:00`)), "Fecha no válida.");
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const ZAuditFilter = z
  .object({
    desde: optional(day),
    hasta: optional(day),
    // Who acted: an e-mail (exact) or part of a name.
    autor: optional(z.string().trim().max(200)),
    accion: optional(z.string().trim().max(80).regex(/^[a-z_.]+$/, "Acción desconocida.")),
    // A case number, whole or in part ("000009").
    caso: optional(z.string().trim().max(40)),
    // The account an event concerns (account, role, delegation, sign-in events): its e-mail.
    cuenta: optional(z.string().trim().max(200)),
    // Keyset cursors: older than / newer than this event id.
    antes: optional(z.string().regex(/^\d{1,18}$/)),
    despues: optional(z.string().regex(/^\d{1,18}$/)),
  })
  .refine((f) => !f.desde || !f.hasta || f.desde <= f.hasta, { path: ["hasta"], message: "La fecha final no puede ser anterior a la inicial." });

export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export type TAuditFilterParse = { ok: true; filter: TAuditFilter } | { ok: false; filter: TAuditFilter; fieldErrors: Record<string, string> };

// Invalid fields are reported and left out of the query; the rest still filters.
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): TAuditFilterParse {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === "string") raw[k] = one;
  }
  const parsed = ZAuditFilter.safeParse(raw);
  if (parsed.success) return { ok: true, filter: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  const cleaned = { ...raw };
  for (const k of Object.keys(fieldErrors)) delete cleaned[k];
  const retry = ZAuditFilter.safeParse(cleaned);
  return { ok: false, filter: retry.success ? retry.data : {}, fieldErrors };
}

export function guatemalaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000-06:00`);
}
