import { hashPassword } from "../../lib/auth/hash-password";
import { encryptTotpSecret } from "../../lib/auth/totp/encrypt-totp-secret";
import { requiresSecondFactor } from "../../lib/auth/totp/requires-second-factor";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { FileStorage } from "../../lib/storage/file-storage";
import type { TDemoCasesResult } from "./demo-cases";
import type { TAfterIssuanceDemoResult } from "./demo-cases-after-issuance";
import { DEMO_ACCOUNTS, DEMO_DELEGATION, DEMO_SIGNER_CHANGE, DEMO_SWORN_TRANSLATOR } from "./demo-accounts";
import { demoTotpSecret } from "./demo-totp";
import { DIDEDUCS } from "./dideducs";
import { DIPLOMA_IMPORT_BATCH, DIPLOMAS } from "./diplomas";
import { ensureDemoPki, type TDemoPki } from "./ensure-demo-pki";
import { ensureDefaultServiceLevels } from "../../lib/service-levels/ensure-default-service-levels";

export type TSeedOptions = {
  log?: (message: string) => void;
  // Default: PKI_DIR, else .data/pki.
  pkiDir?: string;
  // The PKI services (lib/pki/services) the demo certificates name for their CRL and OCSP; start
  // them first for this pkiDir. Default: defaultPkiServicesBaseUrl() (npm start's fixed port).
  servicesBaseUrl?: string;
  now?: Date;
  // Also walk the demo D.1.1 cases (prisma/seed/demo-cases.ts) through the real operations, one
  // per state. `npm run db:seed`, `npm start` and the e2e server turn it on; off by default so a
  // bare seed creates no cases.
  demoCases?: boolean;
  // Where the demo cases' files go (default: lib/storage's getStorage(), i.e. STORAGE_DIR).
  storage?: FileStorage;
};

export type TSeedCounts = {
  dideducs: number;
  supervisionOffices: number;
  users: number;
  authorizedSigners: number;
  swornTranslators: number;
  diplomas: number;
  delegations: number;
  serviceLevelTargets: number;
  holidays: number;
};

export type TSeedResult = { pki: TDemoPki; before: TSeedCounts; after: TSeedCounts; demoCases?: TDemoCasesResult; afterIssuance?: TAfterIssuanceDemoResult };

// A database is "empty" for the demo when nobody could sign in and no office exists: `npm start`
// seeds only then, so it never touches a database someone already uses.
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [users, dideducs] = await Promise.all([prisma.user.count(), prisma.dideduc.count()]);
  return users === 0 && dideducs === 0;
}

async function countRows(db: PrismaClient | Prisma.TransactionClient): Promise<TSeedCounts> {
  return {
    dideducs: await db.dideduc.count(),
    supervisionOffices: await db.supervisionOffice.count(),
    users: await db.user.count(),
    authorizedSigners: await db.authorizedSigner.count(),
    swornTranslators: await db.swornTranslator.count(),
    diplomas: await db.diplomaRegistry.count(),
    delegations: await db.delegation.count(),
    serviceLevelTargets: await db.serviceLevelTarget.count(),
    holidays: await db.holiday.count(),
  };
}

// Guatemala keeps UTC−6 all year: the month runs from day 1 00:00 to the last day 23:59:59.999 there.
function currentMonthInGuatemala(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() - 6 * 3600 * 1000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m, 1, 6)), to: new Date(Date.UTC(y, m + 1, 1, 6) - 1) };
}

// Demo data: the 26 DIDEDUCs, one account per role, the test PKI and its registry entries, a
// registered sworn translator, title registry rows and a delegation. Idempotent: what exists is
// left as it is (an administrator may have edited it), except that the registry entries of the
// demo certificates follow the .p12 files on disk. Creates no cases unless `demoCases` is set.
export async function seedDatabase(prisma: PrismaClient, options: TSeedOptions = {}): Promise<TSeedResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const before = await countRows(prisma);

  const pki = ensureDemoPki({ pkiDir: options.pkiDir, now, log, servicesBaseUrl: options.servicesBaseUrl });
  log(`PKI de pruebas en ${pki.dir}${pki.written.length ? ` (escritos: ${pki.written.join(", ")})` : " (reutilizada)"}`);

  // argon2 is slow on purpose: hash only for accounts still missing, and outside the transaction.
  const existing = new Set(
    (await prisma.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const hashes = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) if (!existing.has(a.email)) hashes.set(a.email, await hashPassword(a.password));

  // One transaction: a half-seeded database would look non-empty to `npm start` and stay broken.
  await prisma.$transaction(
    async (tx) => {
      const dideducIds = new Map<string, string>();
      for (const d of DIDEDUCS) {
        const row = await tx.dideduc.upsert({
          where: { code: d.code },
          create: { code: d.code, name: d.name, type: d.type, address: d.address, phone: d.phone, email: d.email, isPlaceholder: true },
          update: {},
          select: { id: true },
        });
        dideducIds.set(d.code, row.id);
        for (const [i, s] of d.supervisions.entries()) {
          await tx.supervisionOffice.upsert({
            where: { id: `seed-supervision-${d.code}-${i + 1}` },
            create: { id: `seed-supervision-${d.code}-${i + 1}`, dideducId: row.id, name: s.name, phone: s.phone, address: s.address, isPlaceholder: true },
            update: {},
          });
        }
      }
      const dideducId = (code: string | undefined) => {
        if (!code) return null;
        const id = dideducIds.get(code);
        if (!id) throw new Error(`DIDEDUC desconocida: ${code}`);
        return id;
      };

      const userIds = new Map<string, string>();
      for (const a of DEMO_ACCOUNTS) {
        const found = await tx.user.findUnique({ where: { email: a.email }, select: { id: true } });
        const user =
          found ??
          (await tx.user.create({
            data: {
              email: a.email,
              name: a.name,
              cui: a.cui,
              phone: a.phone,
              passwordHash: hashes.get(a.email) ?? (await hashPassword(a.password)),
              roles: a.roles,
              dideducId: dideducId(a.dideducCode),
              post: a.post ?? null,
            },
            select: { id: true },
          }));
        userIds.set(a.email, user.id);
        // A new demo staff account that must use a second factor comes enrolled with its public
        // demo secret (demo-totp.ts), so a newcomer signs in with `npm run demo:totp`.
        if (!found && requiresSecondFactor(a.roles)) {
          await tx.user.update({ where: { id: user.id }, data: { totpSecret: encryptTotpSecret(demoTotpSecret(a.email), user.id), totpEnabledAt: now } });
        }
      }

      for (const c of pki.certificates) {
        const certFields = {
          name: c.holderName,
          post: c.post,
          signerPost: c.signerPost ?? null,
          gender: c.gender ?? null,
          certFingerprint: c.info.fingerprint,
          certSubject: c.info.subject,
          certPem: c.certPem,
          validFrom: c.info.validFrom,
          validTo: c.info.validTo,
        };
        // Revoked an hour after it became valid: before any demo signature could use it.
        const revocation =
          c.status === "revoked"
            ? { revokedAt: new Date(c.info.validFrom.getTime() + 3600 * 1000), revokedReason: c.revokedReason ?? "Revocado" }
            : {};
        await tx.authorizedSigner.upsert({
          where: { id: c.authorizedSignerId },
          create: {
            id: c.authorizedSignerId,
            ...certFields,
            ...revocation,
            office: c.office,
            dideducId: dideducId(c.dideducCode),
            userId: c.accountEmail ? (userIds.get(c.accountEmail) ?? null) : null,
          },
          update: { ...certFields, ...revocation },
        });
      }

      {
        const n = DEMO_SIGNER_CHANGE;
        const cert = pki.certificates.find((c) => c.key === n.certificateKey)!;
        const certificate = {
          name: cert.holderName,
          certPem: cert.certPem,
          certFingerprint: cert.info.fingerprint,
          certSubject: cert.info.subject,
          validFrom: cert.info.validFrom,
          validTo: cert.info.validTo,
        };
        await tx.signerChangeRequest.upsert({
          where: { id: n.id },
          create: {
            id: n.id,
            dideducId: dideducId(n.dideducCode)!,
            requestedById: userIds.get(n.requestedByEmail)!,
            kind: "ADD",
            signerPost: n.signerPost,
            gender: n.gender,
            note: n.note,
            ...certificate,
          },
          update: {},
        });
        // A renewed demo certificate renews the notice while it waits; a reviewed one stays as it was.
        await tx.signerChangeRequest.updateMany({ where: { id: n.id, status: "PENDING", certFingerprint: { not: certificate.certFingerprint } }, data: certificate });
      }

      const t = DEMO_SWORN_TRANSLATOR;
      const translatorDideducId = dideducId(t.dideducCode)!;
      await tx.swornTranslator.upsert({
        where: { dideducId_dideducRegistrationNumber: { dideducId: translatorDideducId, dideducRegistrationNumber: t.dideducRegistrationNumber } },
        create: {
          userId: userIds.get(t.accountEmail) ?? null,
          name: t.name,
          gender: t.gender,
          languages: [...t.languages],
          appointmentResolution: t.appointmentResolution,
          dideducRegistrationNumber: t.dideducRegistrationNumber,
          dideducId: translatorDideducId,
          registeredAt: t.registeredAt,
        },
        update: {},
      });
      // A database seeded before the registry held the gender gets it, without touching one an
      // administrator has set since.
      await tx.swornTranslator.updateMany({
        where: { dideducId: translatorDideducId, dideducRegistrationNumber: t.dideducRegistrationNumber, gender: null },
        data: { gender: t.gender },
      });

      for (const d of DIPLOMAS) {
        await tx.diplomaRegistry.upsert({
          where: { registrationNumber: d.registrationNumber },
          create: {
            registrationNumber: d.registrationNumber,
            holderName: d.holderName,
            degree: d.degree,
            school: d.school,
            year: d.year,
            dideducId: dideducId(d.dideducCode),
            signedBy: d.signedBy ?? "DIDEDUC",
            holderCui: d.holderCui ?? null,
            holderBirthDate: new Date(`${d.holderBirthDate}T00:00:00Z`),
            importBatch: DIPLOMA_IMPORT_BATCH,
          },
          update: {},
        });
        // A database seeded before the registry kept the holder's CUI and birth date gets them now;
        // a row that has either is left as it is.
        await tx.diplomaRegistry.updateMany({
          where: { registrationNumber: d.registrationNumber, holderCui: null, holderBirthDate: null },
          data: { holderCui: d.holderCui ?? null, holderBirthDate: new Date(`${d.holderBirthDate}T00:00:00Z`) },
        });
      }

      // Service levels (decision 0022): the proposed targets and Guatemala's official holidays.
      await ensureDefaultServiceLevels(tx);

      const month = currentMonthInGuatemala(now);
      await tx.delegation.upsert({
        where: { id: DEMO_DELEGATION.id },
        create: {
          id: DEMO_DELEGATION.id,
          dideducId: dideducId(DEMO_DELEGATION.dideducCode)!,
          grantorId: userIds.get(DEMO_DELEGATION.grantorEmail)!,
          delegateId: userIds.get(DEMO_DELEGATION.delegateEmail)!,
          role: DEMO_DELEGATION.role,
          validFrom: month.from,
          validTo: month.to,
          note: DEMO_DELEGATION.note,
        },
        update: {},
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  const after = await countRows(prisma);
  const added = (Object.keys(after) as (keyof TSeedCounts)[])
    .filter((k) => after[k] !== before[k])
    .map((k) => `${k} +${after[k] - before[k]}`);
  log(added.length ? `Datos de demostración cargados: ${added.join(", ")}` : "Datos de demostración ya presentes: nada que agregar");
  if (!options.demoCases) return { pki, before, after };

  // Loaded only when asked: it pulls in the server's case operations (rendering, signing).
  const { seedDemoCases } = await import("./demo-cases");
  const demoCases = await seedDemoCases(prisma, { pki, log, storage: options.storage });
  // The other procedures' demo cases, each walked through its real operations (idempotent).
  const { seedGraduationRecordDemoCases } = await import("./demo-cases-graduation-record");
  await seedGraduationRecordDemoCases(prisma, { pki, log, storage: options.storage });
  const { seedDiplomaBefore2005DemoCases } = await import("./demo-cases-diploma-before-2005");
  await seedDiplomaBefore2005DemoCases(prisma, { pki, log, storage: options.storage });
  const { seedDiplomaFrom2005DemoCases } = await import("./demo-cases-diploma-from-2005");
  await seedDiplomaFrom2005DemoCases(prisma, { pki, log, storage: options.storage });
  const { seedTranslatorRegistrationDemoCases } = await import("./demo-cases-translator-registration");
  await seedTranslatorRegistrationDemoCases(prisma, { log, storage: options.storage });
  const { seedSwornTranslationDemoCases } = await import("./demo-cases-sworn-translation");
  await seedSwornTranslationDemoCases(prisma, { pki, log, storage: options.storage });
  // After issuance (issue #11): one certification revoked, one replaced by its corrected re-issue.
  const { seedAfterIssuanceDemoCases } = await import("./demo-cases-after-issuance");
  const afterIssuance = await seedAfterIssuanceDemoCases(prisma, { pki, log, storage: options.storage });
  return { pki, before, after, demoCases, afterIssuance };
}
