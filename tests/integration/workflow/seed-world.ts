import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";

// Two DIDEDUCs and one account per role the workflow tests need. Password hashes are not
// exercised here, so a fixed placeholder stands in.
export async function seedWorld(prisma: PrismaClient) {
  const dideducA = await prisma.dideduc.create({
    data: { code: "16-AV", name: "Alta Verapaz", type: "C", address: "Cobán", phone: "7952 0000", email: "av@example.test", isPlaceholder: true },
  });
  const dideducB = await prisma.dideduc.create({
    data: { code: "09-QZ", name: "Quetzaltenango", type: "C", address: "Xela", phone: "7761 0000", email: "qz@example.test", isPlaceholder: true },
  });

  async function user(key: string, roles: Role[], dideducId: string | null = null): Promise<TWorkflowActor> {
    const u = await prisma.user.create({
      data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles, dideducId },
    });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId };
  }

  return {
    dideducA,
    dideducB,
    citizen: await user("citizen", ["CITIZEN"]),
    otherCitizen: await user("other-citizen", ["CITIZEN"]),
    translator: await user("translator", ["TRANSLATOR"]),
    reviewerA: await user("reviewer-a", ["DIDEDUC_REVIEWER"], dideducA.id),
    signerA: await user("signer-a", ["DIDEDUC_SIGNER"], dideducA.id),
    staffA: await user("staff-a", [], dideducA.id),
    reviewerB: await user("reviewer-b", ["DIDEDUC_REVIEWER"], dideducB.id),
    staffB: await user("staff-b", [], dideducB.id),
    assistant: await user("assistant", ["CENTRAL_ASSISTANT"]),
    coordinator: await user("coordinator", ["CENTRAL_COORDINATOR"]),
    manager: await user("manager", ["CENTRAL_MANAGER"]),
  };
}

export type TWorld = Awaited<ReturnType<typeof seedWorld>>;
