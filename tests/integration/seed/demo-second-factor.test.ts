import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { completeSecondFactor } from "@/lib/auth/totp/complete-second-factor";
import { decryptTotpSecret } from "@/lib/auth/totp/decrypt-totp-secret";
import { requiresSecondFactor } from "@/lib/auth/totp/requires-second-factor";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { demoTotpSecret, totpCodeAt } from "@/prisma/seed/demo-totp";
import { createAdminWorld, type TAdminWorld } from "../admin/admin-world";

// The seed enrols the demo staff accounts with their public demo secret, so that the code
// `npm run demo:totp` prints (computed without the database) is the one the server accepts.

let w: TAdminWorld;
beforeAll(async () => {
  w = await createAdminWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

describe("demo second factor", () => {
  it("every demo account that needs a second factor is enrolled with its demo secret, stored encrypted; the others have none", async () => {
    for (const a of DEMO_ACCOUNTS) {
      const row = await w.db.user.findUniqueOrThrow({ where: { email: a.email } });
      if (requiresSecondFactor(a.roles)) {
        expect(row.totpEnabledAt, a.email).not.toBeNull();
        expect(row.totpSecret).not.toContain(demoTotpSecret(a.email));
        expect(decryptTotpSecret(row.totpSecret!, row.id)).toBe(demoTotpSecret(a.email));
      } else {
        expect(row.totpSecret, a.email).toBeNull();
      }
    }
  });

  it("the code demo:totp prints lets the demo administrator in after the password", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.key === "admin")!;
    const now = new Date();
    const step = await authenticateCredentials({ email: admin.email, password: admin.password, ip: null }, { db: w.db, now });
    expect(step).toMatchObject({ ok: false, reason: "SECOND_FACTOR_REQUIRED", stage: "verify" });
    const { code } = totpCodeAt(demoTotpSecret(admin.email), now);
    const done = await completeSecondFactor({ challenge: (step as { challenge: string }).challenge, code }, { db: w.db, now });
    expect(done).toMatchObject({ ok: true, grant: { secondFactor: true, user: { email: admin.email, roles: ["ADMIN"] } } });
  });
});
