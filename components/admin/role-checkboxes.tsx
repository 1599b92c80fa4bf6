import { ROLE_LABELS } from "@/lib/auth/roles";
import { STAFF_ROLES } from "@/lib/admin/staff-account-fields";
import { FieldErrors } from "@/components/ui/field-errors";

// One checkbox per staff role ("role_<ROLE>"), with the roles' errors under the legend.
export function RoleCheckboxes({ checked, errors, idPrefix = "role" }: { checked: (role: string) => boolean; errors?: readonly string[]; idPrefix?: string }) {
  const errorId = errors && errors.length > 0 ? "roles-error" : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={errorId} id="roles">
      <legend className="font-semibold text-slate-900">Roles</legend>
      <p className="text-sm text-slate-700">Los roles de DIDEDUC requieren elegir la Dirección Departamental. Usuarios y traductores crean su propia cuenta.</p>
      <FieldErrors id="roles" errors={errors} />
      {STAFF_ROLES.map((role) => (
        <div key={role} className="flex items-center gap-3">
          <input type="checkbox" id={`${idPrefix}_${role}`} name={`role_${role}`} defaultChecked={checked(role)} className="size-5 accent-brand-700" />
          <label htmlFor={`${idPrefix}_${role}`}>{ROLE_LABELS[role]}</label>
        </div>
      ))}
    </fieldset>
  );
}
