-- CreateTable
CREATE TABLE "PreparedSigning" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "expectedVersion" INTEGER NOT NULL,
    "authorizedSignerId" TEXT NOT NULL,
    "certFingerprint" TEXT NOT NULL,
    "certificatesDer" JSONB NOT NULL,
    "signedAttributes" BYTEA NOT NULL,
    "preparedStorageKey" TEXT NOT NULL,
    "preparedSha256" TEXT NOT NULL,
    "sourceDocumentVersionId" TEXT,
    "signingTime" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreparedSigning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PreparedSigning_caseId_idx" ON "PreparedSigning"("caseId");

-- CreateIndex
CREATE INDEX "PreparedSigning_actorId_expiresAt_idx" ON "PreparedSigning"("actorId", "expiresAt");
