-- CreateEnum
CREATE TYPE "RevocationCategory" AS ENUM ('DATA_ERROR', 'FORGED_SUPPORT', 'ISSUED_IN_ERROR', 'HOLDER_REQUEST', 'REPLACED');

-- CreateEnum
CREATE TYPE "VerificationChannel" AS ENUM ('PAGE', 'API', 'FILE_CHECK', 'SHARE_LINK', 'SHARE_DOWNLOAD');

-- AlterEnum
ALTER TYPE "CaseState" ADD VALUE 'REVOKED';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "reissueOfId" TEXT,
ADD COLUMN     "revocationCategory" "RevocationCategory";

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "channel" "VerificationChannel" NOT NULL,
    "matched" BOOLEAN,
    "shareLinkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ShareLink_caseId_createdAt_idx" ON "ShareLink"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationEvent_caseId_createdAt_idx" ON "VerificationEvent"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Case_reissueOfId_idx" ON "Case"("reissueOfId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_reissueOfId_fkey" FOREIGN KEY ("reissueOfId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationEvent" ADD CONSTRAINT "VerificationEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationEvent" ADD CONSTRAINT "VerificationEvent_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
