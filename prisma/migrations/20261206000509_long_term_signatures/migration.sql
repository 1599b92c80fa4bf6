-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN     "documentTimestampedAt" TIMESTAMP(3),
ADD COLUMN     "padesLevel" TEXT;

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "timestampAuthority" TEXT,
ADD COLUMN     "timestampedAt" TIMESTAMP(3);
