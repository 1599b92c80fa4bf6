import path from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { FileStorage } from "../../lib/storage/file-storage";
import { DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import { allowServerOnlyModules } from "./demo-cases";

export type TIssuedDemoCase = {
  number: string;
  procedure: string;
  verificationCode: string;
  verificationUrl: string;
  // The issued PDF on disk (local storage), else "<storage>:<key>".
  pdfPath: string;
  state: "ISSUED" | "REVOKED";
  // Printed beside it: "emitida", "anulada", or "reemplazada por <code>" (a corrected re-issue).
  status: string;
  replacedByCode: string | null;
};

// The issued cases of the demo accounts, and those issued then revoked or replaced by a corrected
// re-issue, oldest issuance first (the seed's come first; any the person issued while trying the
// demo follow), so `npm start` can print where to try the QR and the verification page on every
// start, not only on the one that seeded.
export async function findIssuedDemoCases(
  prisma: PrismaClient,
  options: { storage?: FileStorage; limit?: number; baseUrl?: string } = {},
): Promise<TIssuedDemoCase[]> {
  allowServerOnlyModules();
  const [{ getStorage }, { verificationUrl }] = await Promise.all([
    import("../../lib/storage/get-storage"),
    import("../../lib/verification/verification-url"),
  ]);
  const storage = options.storage ?? getStorage();
  const cases = await prisma.case.findMany({
    where: { state: { in: ["ISSUED", "REVOKED"] }, verificationCode: { not: null }, applicant: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } } },
    orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
    take: options.limit ?? 12,
    select: {
      id: true,
      number: true,
      procedure: true,
      state: true,
      verificationCode: true,
      // The replacement, as the verification page links it (lib/cases/find-verification.ts).
      reissues: { where: { issuedAt: { not: null }, verificationCode: { not: null } }, select: { verificationCode: true }, orderBy: { issuedAt: "desc" }, take: 1 },
    },
  });
  const found: TIssuedDemoCase[] = [];
  for (const c of cases) {
    const doc = await prisma.documentVersion.findFirst({ where: { caseId: c.id, stage: "ISSUED" }, orderBy: { createdAt: "desc" } });
    if (!doc || !c.verificationCode) continue;
    const local = storage as FileStorage & { pathFor?: (key: string) => string };
    const pdfPath = typeof local.pathFor === "function" ? path.resolve(local.pathFor(doc.storageKey)) : `${storage.name}:${doc.storageKey}`;
    const replacedByCode = c.reissues[0]?.verificationCode ?? null;
    const state = c.state as "ISSUED" | "REVOKED";
    const status = state === "ISSUED" ? "emitida" : replacedByCode ? `reemplazada por ${replacedByCode}` : "anulada";
    found.push({
      number: c.number,
      procedure: c.procedure,
      verificationCode: c.verificationCode,
      verificationUrl: verificationUrl(c.verificationCode, options.baseUrl),
      pdfPath,
      state,
      status,
      replacedByCode,
    });
  }
  return found;
}
