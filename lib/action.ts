import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { SEGMENT_ROLES, type TSegment } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { toUserFacingError, type TFieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";
import { getRequestContext } from "@/lib/request-context";
import "@/lib/validation/configure-zod";
import { echoValues, formDataToObject } from "./form-values";

// THE wrapper for every server action (the shape of dub's action client): parse the input with
// the schema, load the actor from the database, check roles, run the handler, and return a typed
// result for useActionState. Nothing else in the app exports a bare 'use server' function.

export type TActionResult<TData> =
  | { ok: true; data: TData }
  | {
      ok: false;
      // Always set: a summary for the alert at the top of the form.
      formError: string;
      fieldErrors?: TFieldErrors;
      // What was typed, so the form can show it again (secrets removed).
      values?: Record<string, string>;
      code?: string;
      requestId?: string;
    };

// The state useActionState holds: null before the first submission.
export type TActionState<TData> = TActionResult<TData> | null;

export type TActionContext<TActor> = { actor: TActor; requestId: string; ip: string | null };

type TCommonOptions<S extends z.ZodType> = {
  // For logs: "cases.submit", "auth.register"…
  name?: string;
  schema: S;
  // Inputs never echoed back in `values`, besides anything named like a password or passphrase.
  sensitiveFields?: readonly string[];
};

type TProtectedOptions<S extends z.ZodType, TData> = TCommonOptions<S> & {
  public?: false;
  // Who may call it (expanded: a coordinator covers an assistant; a delegate the delegated role).
  roles?: readonly Role[];
  segment?: TSegment;
  handler: (input: z.output<S>, ctx: TActionContext<TSessionUser>) => Promise<TData>;
};

type TPublicOptions<S extends z.ZodType, TData> = TCommonOptions<S> & {
  // Sign-in, registration, sign-out: callable without a session.
  public: true;
  handler: (input: z.output<S>, ctx: TActionContext<TSessionUser | null>) => Promise<TData>;
};

export type TAction<S extends z.ZodType, TData> = (
  previous: TActionState<TData>,
  input: FormData | z.input<S>,
) => Promise<TActionResult<TData>>;

export const MESSAGES = {
  invalid: "Revise los datos marcados en el formulario.",
  signedOut: "Su sesión terminó. Ingrese de nuevo para continuar.",
  forbidden: "Su usuario no tiene permiso para realizar esta acción.",
  unexpected: (requestId: string) =>
    `Ocurrió un error inesperado. Intente de nuevo en unos minutos; si el problema continúa, comunique a soporte este código: ${requestId}.`,
} as const;

// Shared with the client (components/ui/use-form-action.ts), which echoes the same way when the
// request never reached an action.
export { echoValues, formDataToObject } from "./form-values";

export function createAction<S extends z.ZodType, TData>(options: TProtectedOptions<S, TData> | TPublicOptions<S, TData>): TAction<S, TData> {
  return async function action(_previous, input) {
    const { requestId, ip } = await getRequestContext();
    const raw: Record<string, unknown> = input instanceof FormData ? formDataToObject(input) : ((input ?? {}) as Record<string, unknown>);
    const values = echoValues(raw, options.sensitiveFields);
    let actorId: string | null = null;
    try {
      // Who, before anything else: an unauthorized caller learns nothing from validation messages.
      const actor = await getActor();
      actorId = actor?.id ?? null;
      if (!options.public) {
        if (!actor) return { ok: false, code: "UNAUTHENTICATED", formError: MESSAGES.signedOut, values };
        const allowed = options.roles ?? (options.segment ? SEGMENT_ROLES[options.segment] : null);
        if (allowed && !actorHasAnyRole(actor, allowed)) {
          log.warn("action forbidden", { requestId, action: options.name ?? "action", actorId: actor.id, roles: actor.roles });
          return { ok: false, code: "FORBIDDEN", formError: MESSAGES.forbidden, values };
        }
      }

      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, code: "INVALID_INPUT", formError: MESSAGES.invalid, fieldErrors: fieldErrorsOf(parsed.error), values };
      }

      const ctx = { actor, requestId, ip };
      const data = options.public
        ? await options.handler(parsed.data, ctx)
        : await options.handler(parsed.data, ctx as TActionContext<TSessionUser>);
      return { ok: true, data };
    } catch (e) {
      // redirect(), notFound() and friends work by throwing: let Next.js have them.
      unstable_rethrow(e);
      const known = toUserFacingError(e);
      if (known) {
        const hasFields = Object.keys(known.fieldErrors).length > 0;
        return { ok: false, code: known.code, formError: known.message, ...(hasFields ? { fieldErrors: known.fieldErrors } : {}), values };
      }
      log.error("action failed", { requestId, action: options.name ?? "action", actorId, error: e });
      return { ok: false, code: "UNEXPECTED", formError: MESSAGES.unexpected(requestId), requestId, values };
    }
  };
}

function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
