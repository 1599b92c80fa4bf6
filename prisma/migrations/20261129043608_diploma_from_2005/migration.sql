-- CreateEnum
CREATE TYPE "DiplomaSignatory" AS ENUM ('DIDEDUC', 'REGIONAL_DIRECTOR', 'MINISTER');

-- AlterTable
ALTER TABLE "DiplomaRegistry" ADD COLUMN     "signedBy" "DiplomaSignatory" NOT NULL DEFAULT 'DIDEDUC';
