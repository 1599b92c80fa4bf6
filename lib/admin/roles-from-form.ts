import { STAFF_ROLES } from "./staff-account-fields";

// The account forms send one checkbox per role ("role_ADMIN=on"), so a failed submission can
// show again exactly which boxes were ticked.
export function rolesFromForm(input: Record<string, unknown>): string[] {
  const all = [...STAFF_ROLES, "CITIZEN", "TRANSLATOR"];
  return Object.keys(input)
    .filter((k) => k.startsWith("role_") && input[k] === "on")
    .map((k) => k.slice(5))
    .filter((r) => all.includes(r as (typeof STAFF_ROLES)[number]));
}
