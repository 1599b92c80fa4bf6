import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";

// How long a share link may work (issue #11: 1 to 90 days) and how many may work at once per case:
// a holder sends one per institution; twenty covers a busy year abroad while keeping a mistaken
// loop from filling the table.
export const SHARE_LINK_MIN_DAYS = 1;
export const SHARE_LINK_MAX_DAYS = 90;
export const MAX_ACTIVE_SHARE_LINKS = 20;
export const SHARE_LINK_LABEL_MAX = 120;

// The choices the form offers; "date" takes a calendar day (expiresOn) instead.
export const SHARE_LINK_EXPIRY_CHOICES = [
  { value: "1", label: "1 día" },
  { value: "7", label: "7 días" },
  { value: "30", label: "30 días" },
  { value: "90", label: "90 días" },
  { value: "date", label: "Hasta una fecha…" },
] as const;

export type TShareLinkExpiryChoice = (typeof SHARE_LINK_EXPIRY_CHOICES)[number]["value"];

export const ZShareLinkFields = z.object({
  label: safeText({ error: "Escriba para quién es el enlace." })
    .trim()
    .min(1, { error: "Escriba para quién es el enlace (por ejemplo, «Universidad de San Carlos»)." })
    .max(SHARE_LINK_LABEL_MAX, { error: `Use como máximo ${SHARE_LINK_LABEL_MAX} caracteres.` }),
  expiresIn: z.enum(["1", "7", "30", "90", "date"], { error: "Elija hasta cuándo funcionará el enlace." }),
  // YYYY-MM-DD (an <input type="date">), only with expiresIn "date"; checked against today by
  // computeShareLinkExpiry, which knows the clock.
  expiresOn: z.string().trim().max(20).optional(),
});

export type TShareLinkFields = z.output<typeof ZShareLinkFields>;

// Guatemala has no daylight saving time: its days are fixed UTC-6 days, so "until 12 March" means
// until the end of 12 March there, wherever the holder's phone is.
const GUATEMALA_OFFSET = "-06:00";
const DAY_MS = 24 * 60 * 60 * 1000;

export function guatemalaDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guatemala", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return new Date(d.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

// The first and last calendar day the date choice accepts (for the date input's min and max).
export function shareLinkDateBounds(now: Date): { min: string; max: string } {
  const today = guatemalaDate(now);
  return { min: addDays(today, SHARE_LINK_MIN_DAYS), max: addDays(today, SHARE_LINK_MAX_DAYS) };
}

export type TShareLinkExpiryResult = { ok: true; expiresAt: Date } | { ok: false; field: "expiresIn" | "expiresOn"; message: string };

// When the link stops working: `n` days from now, or the end of the chosen day in Guatemala, which
// must be tomorrow at the earliest and 90 days from today at the latest. Anything else is refused,
// never clamped: the holder must know exactly when the link ends.
export function computeShareLinkExpiry(fields: Pick<TShareLinkFields, "expiresIn" | "expiresOn">, now: Date): TShareLinkExpiryResult {
  if (fields.expiresIn !== "date") {
    // Only the offered choices: the domain is also called without the form's schema.
    const days = (["1", "7", "30", "90"] as const).includes(fields.expiresIn as "1") ? Number(fields.expiresIn) : NaN;
    if (!Number.isInteger(days) || days < SHARE_LINK_MIN_DAYS || days > SHARE_LINK_MAX_DAYS) {
      return { ok: false, field: "expiresIn", message: "Elija hasta cuándo funcionará el enlace." };
    }
    return { ok: true, expiresAt: new Date(now.getTime() + days * DAY_MS) };
  }
  const on = fields.expiresOn ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(new Date(`${on}T00:00:00Z`).getTime()) || new Date(`${on}T00:00:00Z`).toISOString().slice(0, 10) !== on) {
    return { ok: false, field: "expiresOn", message: "Escriba la fecha hasta la que funcionará el enlace." };
  }
  const { min, max } = shareLinkDateBounds(now);
  if (on < min) return { ok: false, field: "expiresOn", message: "La fecha debe ser a partir de mañana: un enlace funciona al menos un día." };
  if (on > max) return { ok: false, field: "expiresOn", message: `Un enlace funciona como máximo ${SHARE_LINK_MAX_DAYS} días: elija una fecha hasta el ${formatIsoDate(max)}.` };
  return { ok: true, expiresAt: new Date(`${on}T23:59:59.999${GUATEMALA_OFFSET}`) };
}

function formatIsoDate(isoDate: string): string {
  return new Intl.DateTimeFormat("es-GT", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T12:00:00Z`));
}

export type TShareLinkState = "active" | "expired" | "revoked";

// A revocation is the holder's own act, so it wins over an expiry that came later or earlier.
export function shareLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): TShareLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
