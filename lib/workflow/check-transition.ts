import type { z } from "zod";
import { expandRoles } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { getDefinition, transitionsNamed } from "./definitions";
import { TransitionError, type TTransitionErrorCode } from "./transition-error";
import type { TCaseLike, TFieldErrors, TProcedureDefinition, TTransitionDefinition } from "./types";

// The guard logic of the workflow, free of the database: transition() runs it inside its
// transaction, screens run it to decide which buttons to show, unit tests run it directly.

export type TWorkflowActor = { id: string; roles: readonly Role[]; dideducId: string | null };

export type TDelegationLike = {
  id: string;
  dideducId: string;
  grantorId?: string;
  delegateId: string;
  role: Role;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
};

// How the actor is entitled to take a transition.
export type TAuthority = {
  // The role recorded in the audit trail: one the actor holds, or the delegated one.
  role: Role;
  // The role the transition asks for, when the actor covers it through another (coordinator → assistant).
  actingAs: Role;
  delegation: TDelegationLike | null;
};

export type TCheckResult =
  | { ok: true; transition: TTransitionDefinition; authority: TAuthority; input: Record<string, unknown> }
  | { ok: false; error: TransitionError };

// Both ends included: a delegation "from the 1st to the 15th" covers the whole range it names.
export function isDelegationActive(d: Pick<TDelegationLike, "validFrom" | "validTo" | "revokedAt">, now: Date): boolean {
  return d.revokedAt === null && d.validFrom.getTime() <= now.getTime() && now.getTime() <= d.validTo.getTime();
}

// A delegation lets its delegate act only while it is active AND the delegate still belongs to the
// office that granted it (User.dideducId, the `actor` read from the database on each request). An
// account moved to another DIDEDUC keeps no authority from its old office's delegations, there or
// anywhere: the director granted them to a member of their own staff.
export function delegationGrantsAuthority(
  d: Pick<TDelegationLike, "dideducId" | "delegateId" | "validFrom" | "validTo" | "revokedAt">,
  actor: Pick<TWorkflowActor, "id" | "dideducId">,
  now: Date,
): boolean {
  return d.delegateId === actor.id && actor.dideducId !== null && d.dideducId === actor.dideducId && isDelegationActive(d, now);
}

function inScope(t: TTransitionDefinition, c: TCaseLike, actor: TWorkflowActor): boolean {
  switch (t.scope) {
    case "APPLICANT":
      return c.applicantId === actor.id;
    case "DIDEDUC":
      return c.dideducId !== null && actor.dideducId === c.dideducId;
    case "CENTRAL":
      return true;
  }
}

type TAuthorityResult = { ok: true; authority: TAuthority } | { ok: false; code: TTransitionErrorCode };

export function resolveAuthority(
  t: TTransitionDefinition,
  c: TCaseLike,
  actor: TWorkflowActor,
  delegations: readonly TDelegationLike[],
  now: Date,
): TAuthorityResult {
  // Roles the actor holds that cover the transition, the ones named by it first.
  const granting = actor.roles
    .filter((r) => expandRoles([r]).some((x) => t.roles.includes(x)))
    .sort((a, b) => Number(!t.roles.includes(a)) - Number(!t.roles.includes(b)));
  if (granting.length > 0 && inScope(t, c, actor)) {
    const role = granting[0];
    const actingAs = t.roles.includes(role) ? role : t.roles.find((x) => expandRoles([role]).includes(x))!;
    return { ok: true, authority: { role, actingAs, delegation: null } };
  }
  // Delegation (Nota 2/3): the DIDEDUC's director lets a member of its staff act as its reviewer,
  // on that DIDEDUC's cases only, while the delegate still belongs to it.
  if (t.scope === "DIDEDUC") {
    const held = delegations.filter((d) => d.delegateId === actor.id && t.roles.includes(d.role) && isDelegationActive(d, now));
    const here = held.find((d) => c.dideducId !== null && d.dideducId === c.dideducId && delegationGrantsAuthority(d, actor, now));
    if (here) return { ok: true, authority: { role: here.role, actingAs: here.role, delegation: here } };
    if (held.length > 0) return { ok: false, code: "OUT_OF_SCOPE" };
  }
  return { ok: false, code: granting.length > 0 ? "OUT_OF_SCOPE" : "FORBIDDEN_ROLE" };
}

// Among the transitions called `action`, the one that applies to this case.
function pickTransition(
  named: readonly TTransitionDefinition[],
  c: TCaseLike,
  actor: TWorkflowActor,
  delegations: readonly TDelegationLike[],
  now: Date,
): TTransitionDefinition {
  const fromHere = named.find((t) => t.from.includes(c.state));
  if (fromHere) return fromHere;
  // None leaves this state: prefer one the actor could take, so the refusal says "wrong state".
  return named.find((t) => resolveAuthority(t, c, actor, delegations, now).ok) ?? named[0];
}

export function zodFieldErrors(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type TCheckTransitionArgs = {
  caseLike: TCaseLike;
  action: string;
  actor: TWorkflowActor;
  delegations?: readonly TDelegationLike[];
  input?: unknown;
  // Omit only to ask "could this actor do it now?"; transition() always passes it.
  expectedVersion?: number;
  now?: Date;
  definition?: TProcedureDefinition;
};

// Order of the checks: action known, role, scope, version, state, case guard, input, input against
// the case. The first failure is the one reported.
export function checkTransition(args: TCheckTransitionArgs): TCheckResult {
  const { caseLike: c, action, actor } = args;
  const delegations = args.delegations ?? [];
  const now = args.now ?? new Date();
  const definition = args.definition ?? getDefinition(c.procedure);
  if (definition.procedure !== c.procedure) throw new Error(`Definición ${definition.procedure} usada para un caso ${c.procedure}`);

  const named = transitionsNamed(definition, action);
  if (named.length === 0) {
    return { ok: false, error: new TransitionError("INVALID_STATE", "Esta acción no existe para este trámite.") };
  }
  const t = pickTransition(named, c, actor, delegations, now);

  const auth = resolveAuthority(t, c, actor, delegations, now);
  if (!auth.ok) return { ok: false, error: new TransitionError(auth.code) };
  // Version before state: whoever acted on an outdated page should hear "someone changed it".
  if (args.expectedVersion !== undefined && args.expectedVersion !== c.version) {
    return { ok: false, error: new TransitionError("STALE_VERSION") };
  }
  if (!t.from.includes(c.state)) return { ok: false, error: new TransitionError("INVALID_STATE") };
  const guardErrors = t.guard?.(c);
  if (guardErrors) {
    // A guard about the case itself (not a field) speaks for itself.
    const formMessage = guardErrors._form?.[0];
    if (formMessage) return { ok: false, error: new TransitionError("INVALID_STATE", formMessage, guardErrors) };
    return { ok: false, error: new TransitionError("INVALID_INPUT", "Complete los datos que faltan antes de continuar.", guardErrors) };
  }
  const parsed = t.input.safeParse(args.input ?? {});
  if (!parsed.success) {
    return { ok: false, error: new TransitionError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error)) };
  }
  const inputErrors = t.checkInput?.(c, parsed.data as never);
  if (inputErrors) return { ok: false, error: new TransitionError("INVALID_INPUT", undefined, inputErrors) };
  return { ok: true, transition: t, authority: auth.authority, input: parsed.data as Record<string, unknown> };
}

// The transitions this actor may take on the case right now (role, scope and state): the buttons
// a screen shows. Input is asked for by the form each transition's schema describes.
export function availableActions(
  definition: TProcedureDefinition,
  caseLike: TCaseLike,
  actor: TWorkflowActor,
  delegations: readonly TDelegationLike[] = [],
  now: Date = new Date(),
): TTransitionDefinition[] {
  return definition.transitions.filter(
    (t) =>
      !t.internal &&
      t.from.includes(caseLike.state) &&
      resolveAuthority(t, caseLike, actor, delegations, now).ok &&
      !(t.hideWhenGuarded && t.guard?.(caseLike)),
  );
}
