import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrisma } from "../../lib/db/create-prisma";
import type { PrismaClient } from "../../lib/generated/prisma/client";

const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB || "certifica_test_template";

export type TTestDatabase = { prisma: PrismaClient; url: string; drop: () => Promise<void> };

// A fresh database cloned from the migrated template: each test file gets its own.
export async function createTestDatabase(): Promise<TTestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `certifica_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { prisma, close } = createPrisma(url.toString());
  return {
    prisma,
    url: url.toString(),
    drop: async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
