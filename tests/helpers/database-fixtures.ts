import type { TSessionUser } from "@/lib/auth/session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { transition } from "@/lib/workflow/transition";

// Rows the integration tests that build their own small world (no seed: they count cases and
// mails) create directly: a person as the session sees them, a DIDEDUC, a submitted case.

// No password that works ("x" is no hash): these people act through the operations, never sign in.
export async function createSessionUser(
  db: PrismaClient,
  email: string,
  roles: Role[],
  dideducId: string | null,
  { name, cui }: { name: string; cui?: string },
): Promise<TSessionUser> {
  const u = await db.user.create({ data: { email, name, cui, passwordHash: "x", roles, dideducId } });
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, dideducId, delegatedRoles: [] };
}

// A type A DIDEDUC with made-up contact data; its id.
export async function createTestDideduc(db: PrismaClient, code: string, name: string): Promise<string> {
  const d = await db.dideduc.create({ data: { code, name, type: "A", address: "Zona 1", phone: "2222-0000", email: `${code.toLowerCase()}@example.test` } });
  return d.id;
}

// A D.1.1 case of `applicant` about the student Ana <lastNames>, created and submitted at `when`.
export async function submittedEducationalRecord(db: PrismaClient, applicant: TSessionUser, lastNames: string, dideducId: string, when: Date) {
  const draft = await createDraftCase(
    applicant,
    { procedure: "EDUCATIONAL_RECORD", dideducId, formData: { student: { firstNames: "Ana", lastNames }, studies: [] } },
    { db, now: when },
  );
  return transition(draft.id, "submit", applicant, {}, draft.version, { db, now: when });
}
