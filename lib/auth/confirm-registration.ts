import "server-only";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashRegistrationToken, isWellFormedRegistrationToken } from "./registration-policy";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

export const REGISTRATION_LINK_INVALID_MESSAGE =
  "Este enlace de confirmación no es válido o ya se usó. Si ya confirmó su cuenta, ingrese con su correo y su contraseña; si no, regístrese de nuevo.";
export const REGISTRATION_LINK_EXPIRED_MESSAGE = "Este enlace de confirmación venció: vale 24 horas. Regístrese de nuevo para recibir otro.";
export const REGISTRATION_EMAIL_TAKEN_MESSAGE = "Ya existe una cuenta con este correo, así que no se creó otra. Ingrese con este correo y su contraseña.";
export const REGISTRATION_CUI_TAKEN_MESSAGE =
  "No se creó la cuenta: el CUI que escribió ya pertenece a otra cuenta, y cada CUI puede tener una sola. Si es suya, ingrese con el correo con que la creó; si no la reconoce, comuníquese con el Departamento de Atención al Ciudadano.";

type TRefusal = "INVALID" | "EXPIRED" | "EMAIL_TAKEN" | "CUI_TAKEN";
const MESSAGES: Record<TRefusal, string> = {
  INVALID: REGISTRATION_LINK_INVALID_MESSAGE,
  EXPIRED: REGISTRATION_LINK_EXPIRED_MESSAGE,
  EMAIL_TAKEN: REGISTRATION_EMAIL_TAKEN_MESSAGE,
  CUI_TAKEN: REGISTRATION_CUI_TAKEN_MESSAGE,
};

function refuse(code: TRefusal): never {
  throw new DomainError(`REGISTRATION_${code}`, MESSAGES[code]);
}

// The confirmation link opened and confirmed (app/(auth)/registro/confirmar): creates the account
// the PendingRegistration describes, once. The link is spent in the same transaction that creates
// the account, so of two confirmations racing one creates it and the other is told the link was
// used; an expired link, or an e-mail or CUI that got an account meanwhile (another link of the same
// address confirmed first), spends it and says so. Staff roles are never given here.
export async function confirmRegistration(
  token: unknown,
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<{ userId: string; email: string }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  if (!isWellFormedRegistrationToken(token)) refuse("INVALID");
  const tokenHash = hashRegistrationToken(token);

  let refusal: TRefusal | null = null;
  let claimed: { id: string; email: string } | null = null;
  try {
    const created = await db.$transaction(async (tx) => {
      const pending = await tx.pendingRegistration.findUnique({ where: { tokenHash } });
      if (!pending) return null;
      // Claims the link: a second transaction with the same token waits here, then deletes nothing.
      const deleted = await tx.pendingRegistration.deleteMany({ where: { id: pending.id } });
      if (deleted.count === 0) return null;
      claimed = { id: pending.id, email: pending.email };
      if (pending.expiresAt <= now) {
        refusal = "EXPIRED";
        return null;
      }
      const taken = await tx.user.findFirst({ where: { OR: [{ email: pending.email }, { cui: pending.cui }] }, select: { email: true } });
      if (taken) {
        refusal = taken.email === pending.email ? "EMAIL_TAKEN" : "CUI_TAKEN";
        return null;
      }
      const user = await tx.user.create({
        data: {
          email: pending.email,
          name: pending.name,
          cui: pending.cui,
          phone: pending.phone,
          passwordHash: pending.passwordHash,
          roles: [pending.isTranslator ? "TRANSLATOR" : "CITIZEN"],
          createdAt: now,
        },
        select: { id: true, email: true },
      });
      return { userId: user.id, email: user.email };
    });
    // Other links sent to this address (a form sent twice) stay until used or expired: used, they
    // say the account exists. (Deleting them here, inside the transaction, deadlocked with a link
    // being confirmed at the same time, which waits on this account's unique e-mail.)
    if (created) return created;
  } catch (e) {
    if (!isUniqueViolation(e) || !claimed) throw e;
    // Another link for the same e-mail or CUI created its account between our check and our insert:
    // the transaction rolled back, so this link is spent here, and the person told which.
    const { id, email } = claimed as { id: string; email: string };
    await db.pendingRegistration.deleteMany({ where: { id } });
    refusal = (await db.user.findUnique({ where: { email }, select: { id: true } })) ? "EMAIL_TAKEN" : "CUI_TAKEN";
  }
  refuse(refusal ?? "INVALID");
}
