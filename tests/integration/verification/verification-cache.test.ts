import { afterAll, beforeAll, expect, it } from "vitest";
import { signAndIssue } from "@/lib/cases/signing/sign-case-with-signer";
import { createPrisma } from "@/lib/db/create-prisma";
import { findVerificationCached } from "@/lib/verification/find-verification-cached";
import { createVerificationCache } from "@/lib/verification/verification-cache";
import { transition } from "@/lib/workflow/transition";
import { createCertifyWorld, type TCertifyWorld } from "../certify/certify-world";
import { signingSteps } from "../certify/signing-steps";

// The verification cache (docs/decisions/0029) with two server instances: two Prisma clients on one
// PostgreSQL database, each with its own cache, as two processes behind a load balancer would be.
// One certification is issued through the real workflow (its PDF checked by the world).
let w: TCertifyWorld;
let instanceB: ReturnType<typeof createPrisma>;
let caseId: string;
let code: string;

beforeAll(async () => {
  w = await createCertifyWorld();
  instanceB = createPrisma(w.url);
  const { caseId: id, version } = await signingSteps(() => w).caseAwaitingCentral();
  await signAndIssue({ actor: w.actors.assistant, caseId: id, expectedVersion: version, signer: w.signer("central-assistant"), ip: null }, w.options);
  await w.expectIssuedPdfValid(id);
  caseId = id;
  code = (await w.db.case.findUniqueOrThrow({ where: { id } })).verificationCode!;
}, 180_000);

afterAll(async () => {
  await instanceB?.close();
  await w?.cleanup();
});

it('"la anulación": a certification revoked through instance B reads as revoked on instance A at once, though A had it cached', async () => {
  const cacheA = createVerificationCache();
  const cacheB = createVerificationCache();
  const first = await findVerificationCached(code, { db: w.db, cache: cacheA });
  expect(first?.status).toBe("ISSUED");
  // Read again unchanged: the very entry A kept (the full read was skipped).
  expect(await findVerificationCached(code, { db: w.db, cache: cacheA })).toBe(first);
  expect(cacheA.size).toBe(1);

  const c = await instanceB.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
  await transition(caseId, "revoke", w.actors.coordinator, { category: "FORGED_SUPPORT", note: "Nota interna", confirmNumber: c.number }, c.version, { db: instanceB.prisma });

  const onA = await findVerificationCached(code, { db: w.db, cache: cacheA });
  expect(onA?.status).toBe("REVOKED");
  expect(onA?.revocationCategory).toBe("FORGED_SUPPORT");
  expect(onA?.revokedAt).toBeInstanceOf(Date);
  const onB = await findVerificationCached(code, { db: instanceB.prisma, cache: cacheB });
  expect(onB).toEqual(onA);
  // The revoked one is kept in its turn, and read from the cache while nothing changes.
  expect(await findVerificationCached(code, { db: w.db, cache: cacheA })).toBe(onA);
});

it("an unknown or malformed code finds nothing and keeps nothing", async () => {
  const cache = createVerificationCache();
  expect(await findVerificationCached("0000-0000-0000", { db: w.db, cache })).toBeNull();
  expect(await findVerificationCached("no es un código", { db: w.db, cache })).toBeNull();
  expect(cache.size).toBe(0);
});
