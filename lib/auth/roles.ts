import type { Role } from "../generated/prisma/enums";

export type { Role };

export const ROLES = [
  "CITIZEN",
  "TRANSLATOR",
  "DIDEDUC_REVIEWER",
  "DIDEDUC_SIGNER",
  "CENTRAL_ASSISTANT",
  "CENTRAL_COORDINATOR",
  "CENTRAL_MANAGER",
  "ADMIN",
] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  CITIZEN: "Usuario",
  TRANSLATOR: "Traductor jurado",
  DIDEDUC_REVIEWER: "Departamento Técnico Pedagógico (DIDEDUC)",
  DIDEDUC_SIGNER: "Dirección Departamental (firma)",
  CENTRAL_ASSISTANT: "Asistente de Atención al Ciudadano",
  CENTRAL_COORDINATOR: "Coordinador de Atención al Ciudadano",
  CENTRAL_MANAGER: "Encargado de Atención al Ciudadano",
  ADMIN: "Administración del sistema",
};

// Roles bound to one DIDEDUC: such users must have dideducId set, and see only its cases.
export const DIDEDUC_ROLES: readonly Role[] = ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"];
export const CENTRAL_ROLES: readonly Role[] = ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"];

// The coordinator may do every assistant step "en ausencia de la persona encargada".
const IMPLIED: Partial<Record<Role, Role[]>> = {
  CENTRAL_COORDINATOR: ["CENTRAL_ASSISTANT"],
};

export function expandRoles(roles: readonly Role[]): Role[] {
  const out = new Set<Role>(roles);
  for (const r of roles) for (const implied of IMPLIED[r] ?? []) out.add(implied);
  return [...out];
}

export type TSegment = "ciudadano" | "dideduc" | "direccion" | "atencion" | "admin";

// Which roles may enter each route segment. The proxy redirects with this table, and every
// layout, page, route handler and server action checks it again on the server.
export const SEGMENT_ROLES: Record<TSegment, readonly Role[]> = {
  ciudadano: ["CITIZEN", "TRANSLATOR"],
  dideduc: ["DIDEDUC_REVIEWER"],
  direccion: ["DIDEDUC_SIGNER"],
  atencion: ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"],
  admin: ["ADMIN"],
};

export const SEGMENT_LABELS: Record<TSegment, string> = {
  ciudadano: "Mis trámites",
  dideduc: "Revisión departamental",
  direccion: "Firma de la Dirección",
  atencion: "Atención al Ciudadano",
  admin: "Administración",
};

export function segmentsFor(roles: readonly Role[]): TSegment[] {
  return (Object.keys(SEGMENT_ROLES) as TSegment[]).filter((s) => SEGMENT_ROLES[s].some((r) => roles.includes(r)));
}

export function canEnterSegment(roles: readonly Role[], segment: TSegment): boolean {
  return SEGMENT_ROLES[segment].some((r) => roles.includes(r));
}

export function homePathFor(roles: readonly Role[]): string {
  const first = segmentsFor(roles)[0];
  return first ? `/${first}` : "/";
}
