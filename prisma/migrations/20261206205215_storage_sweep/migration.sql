-- CreateTable
CREATE TABLE "CaseRenderClaim" (
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "sessionStartedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseRenderClaim_pkey" PRIMARY KEY ("caseId")
);
