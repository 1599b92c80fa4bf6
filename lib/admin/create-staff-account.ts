import "server-only";
import { z } from "zod";
import { checkPasswordPolicy } from "@/lib/auth/check-password-policy";
import { hashPassword } from "@/lib/auth/hash-password";
import { DomainError, type TFieldErrors } from "@/lib/errors";
import { assertAdmin, invalidInput, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";
import { checkStaffRoles } from "./check-staff-roles";
import { ZOptionalCui, ZOptionalDideducId, ZOptionalPhone, ZPost, ZStaffEmail, ZStaffName, ZStaffRoles } from "./staff-account-fields";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

export const ZCreateStaffAccount = z.object({
  name: ZStaffName,
  email: ZStaffEmail,
  cui: ZOptionalCui,
  phone: ZOptionalPhone,
  post: ZPost,
  roles: ZStaffRoles,
  dideducId: ZOptionalDideducId,
  password: z.string({ error: "Escriba la contraseña inicial." }),
});
export type TCreateStaffAccount = z.input<typeof ZCreateStaffAccount>;

export const DUPLICATE_STAFF_EMAIL = "Ya existe una cuenta con este correo.";
export const DUPLICATE_STAFF_CUI = "Ya existe una cuenta con este CUI.";

async function duplicates(db: Awaited<ReturnType<typeof resolveAdminDeps>>["db"], email: string, cui: string | undefined): Promise<TFieldErrors> {
  const rows = await db.user.findMany({ where: { OR: [{ email }, ...(cui ? [{ cui }] : [])] }, select: { email: true, cui: true } });
  const errors: TFieldErrors = {};
  if (rows.some((r) => r.email === email)) errors.email = [DUPLICATE_STAFF_EMAIL];
  if (cui && rows.some((r) => r.cui === cui)) errors.cui = [DUPLICATE_STAFF_CUI];
  return errors;
}

// Issue #2: staff accounts exist only because an administrator made them. The initial password
// follows the same policy as self-registration and is stored only as its argon2id hash.
export async function createStaffAccount(actor: TAdminActor, input: TCreateStaffAccount, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZCreateStaffAccount, input);
  const errors: TFieldErrors = { ...(await checkStaffRoles(db, data.roles, data.dideducId)), ...(await duplicates(db, data.email, data.cui)) };
  const passwordProblems = checkPasswordPolicy(data.password, data.email);
  if (passwordProblems.length > 0) errors.password = passwordProblems;
  if (Object.keys(errors).length > 0) throw invalidInput(errors);

  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          cui: data.cui ?? null,
          phone: data.phone ?? null,
          post: data.post ?? null,
          roles: data.roles,
          dideducId: data.dideducId ?? null,
          passwordHash,
        },
        select: { id: true },
      });
      await appendAuditEvent(tx, {
        data: {
          caseId: null,
          actorId: actor.id,
          role: "ADMIN",
          action: "admin.create_account",
          ip,
          data: { userId: user.id, name: data.name, email: data.email, cui: data.cui ?? null, phone: data.phone ?? null, post: data.post ?? null, roles: data.roles, dideducId: data.dideducId ?? null },
        },
      });
      return user;
    });
  } catch (e) {
    // Two administrators creating the same person at once: the unique index decides.
    if (isUniqueViolation(e)) {
      const raced = await duplicates(db, data.email, data.cui);
      if (Object.keys(raced).length > 0) throw invalidInput(raced);
      throw new DomainError("DUPLICATE_ACCOUNT", DUPLICATE_STAFF_EMAIL);
    }
    throw e;
  }
}
