import { PrismaClient } from "../generated/prisma/client";
import { createAdapterFactory, type TAdapterHandle } from "./create-adapter-factory";

export type TDb = PrismaClient;

export function createPrisma(url?: string): { prisma: PrismaClient; handle: TAdapterHandle; close: () => Promise<void> } {
  const handle = createAdapterFactory(url);
  const prisma = new PrismaClient({ adapter: handle.factory });
  return {
    prisma,
    handle,
    close: async () => {
      await prisma.$disconnect();
      await handle.close();
    },
  };
}
