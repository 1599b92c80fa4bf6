-- CreateEnum
CREATE TYPE "DideducSignerPost" AS ENUM ('DIRECTOR', 'SUBDIRECTOR', 'JEFE_TECNICO_PEDAGOGICO');

-- CreateEnum
CREATE TYPE "GrammaticalGender" AS ENUM ('FEMININE', 'MASCULINE');

-- CreateEnum
CREATE TYPE "SignerChangeKind" AS ENUM ('ADD', 'END');

-- CreateEnum
CREATE TYPE "SignerChangeStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- AlterTable
ALTER TABLE "AuthorizedSigner" ADD COLUMN     "gender" "GrammaticalGender",
ADD COLUMN     "signerPost" "DideducSignerPost";

-- CreateTable
CREATE TABLE "SignerChangeRequest" (
    "id" TEXT NOT NULL,
    "dideducId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "kind" "SignerChangeKind" NOT NULL,
    "name" TEXT,
    "signerPost" "DideducSignerPost",
    "gender" "GrammaticalGender",
    "certPem" TEXT,
    "certFingerprint" TEXT,
    "certSubject" TEXT,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "userId" TEXT,
    "authorizedSignerId" TEXT,
    "endAt" TIMESTAMP(3),
    "note" TEXT,
    "status" "SignerChangeStatus" NOT NULL DEFAULT 'PENDING',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewReason" TEXT,
    "resultingSignerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignerChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignerChangeRequest_dideducId_createdAt_idx" ON "SignerChangeRequest"("dideducId", "createdAt");

-- CreateIndex
CREATE INDEX "SignerChangeRequest_status_createdAt_idx" ON "SignerChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SignerChangeRequest_certFingerprint_idx" ON "SignerChangeRequest"("certFingerprint");

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_authorizedSignerId_fkey" FOREIGN KEY ("authorizedSignerId") REFERENCES "AuthorizedSigner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignerChangeRequest" ADD CONSTRAINT "SignerChangeRequest_resultingSignerId_fkey" FOREIGN KEY ("resultingSignerId") REFERENCES "AuthorizedSigner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing DIDEDUC entries: the enum post from the free-text one, best effort (decision 0014).
-- An entry left without one cannot sign until the registry is corrected (the signing check says so).
UPDATE "AuthorizedSigner" SET "signerPost" = 'SUBDIRECTOR'
  WHERE "office" = 'DIDEDUC' AND "signerPost" IS NULL AND "post" ILIKE '%subdirect%';
UPDATE "AuthorizedSigner" SET "signerPost" = 'JEFE_TECNICO_PEDAGOGICO'
  WHERE "office" = 'DIDEDUC' AND "signerPost" IS NULL AND "post" ILIKE '%jef%' AND "post" ILIKE '%pedag%';
UPDATE "AuthorizedSigner" SET "signerPost" = 'DIRECTOR'
  WHERE "office" = 'DIDEDUC' AND "signerPost" IS NULL AND "post" ILIKE '%director%';
UPDATE "AuthorizedSigner" SET "gender" = 'FEMININE'
  WHERE "office" = 'DIDEDUC' AND "gender" IS NULL AND ("post" ILIKE '%directora%' OR "post" ILIKE 'jefa%');
UPDATE "AuthorizedSigner" SET "gender" = 'MASCULINE'
  WHERE "office" = 'DIDEDUC' AND "gender" IS NULL AND "signerPost" IS NOT NULL
    AND ("post" ~* 'director( |$)' OR "post" ILIKE 'jefe %');
