import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TDigestPreferences } from "./digest-schemas";

// A person's own digest preferences: whether it comes, and from what hour (Guatemala's).
export async function updateDigestPreferences(db: PrismaClient, userId: string, input: TDigestPreferences): Promise<TDigestPreferences> {
  const row = await db.user.update({
    where: { id: userId },
    data: { digestEnabled: input.digestEnabled, digestHour: input.digestHour },
    select: { digestEnabled: true, digestHour: true },
  });
  return row;
}
