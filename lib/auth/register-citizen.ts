import "server-only";
import { DomainError, type TFieldErrors } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "./hash-password";
import type { TCitizenRegistration } from "./schemas";

export const DUPLICATE_EMAIL_MESSAGE = "Ya existe una cuenta con este correo. Ingrese con él o use otro correo.";
export const DUPLICATE_CUI_MESSAGE = "Ya existe una cuenta con este CUI. Si es suya, ingrese con el correo que registró.";

async function findDuplicates(db: PrismaClient, email: string, cui: string): Promise<TFieldErrors> {
  const rows = await db.user.findMany({ where: { OR: [{ email }, { cui }] }, select: { email: true, cui: true } });
  const errors: TFieldErrors = {};
  if (rows.some((r) => r.email === email)) errors.email = [DUPLICATE_EMAIL_MESSAGE];
  if (rows.some((r) => r.cui === cui)) errors.cui = [DUPLICATE_CUI_MESSAGE];
  return errors;
}

// Self-registration (the only way accounts are created outside the admin screens): a citizen,
// or a sworn translator who will then file the D.4 registration. Staff roles are never given here.
export async function registerCitizen(input: TCitizenRegistration, options: { db?: PrismaClient } = {}): Promise<{ id: string }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const duplicates = await findDuplicates(db, input.email, input.cui);
  if (Object.keys(duplicates).length > 0) throw new DomainError("DUPLICATE_ACCOUNT", "Revise los datos marcados en el formulario.", duplicates);

  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        cui: input.cui,
        phone: input.phone ?? null,
        passwordHash,
        roles: [input.isTranslator ? "TRANSLATOR" : "CITIZEN"],
      },
      select: { id: true },
    });
    return user;
  } catch (e) {
    // Two registrations racing with the same e-mail or CUI: the unique index decides; say which.
    if ((e as { code?: string }).code === "P2002") {
      const raced = await findDuplicates(db, input.email, input.cui);
      if (Object.keys(raced).length > 0) throw new DomainError("DUPLICATE_ACCOUNT", "Revise los datos marcados en el formulario.", raced);
    }
    throw e;
  }
}
