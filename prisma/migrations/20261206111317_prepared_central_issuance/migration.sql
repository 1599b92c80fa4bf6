-- AlterTable
ALTER TABLE "PreparedSigning" ADD COLUMN     "sheetData" JSONB,
ADD COLUMN     "sheetId" TEXT,
ADD COLUMN     "verificationCode" TEXT;
