-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestHour" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "StaffDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "caseCount" INTEGER NOT NULL,
    "outboxMailId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffDigest_outboxMailId_key" ON "StaffDigest"("outboxMailId");

-- CreateIndex
CREATE INDEX "StaffDigest_sentAt_createdAt_idx" ON "StaffDigest"("sentAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffDigest_userId_day_key" ON "StaffDigest"("userId", "day");

-- AddForeignKey
ALTER TABLE "StaffDigest" ADD CONSTRAINT "StaffDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The hour is one of the day's 24, whatever writes it
ALTER TABLE "User" ADD CONSTRAINT "User_digestHour_range" CHECK ("digestHour" >= 0 AND "digestHour" <= 23);
