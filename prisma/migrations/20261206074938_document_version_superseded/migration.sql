-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN     "supersededAt" TIMESTAMP(3);
