-- CreateEnum
CREATE TYPE "GrammaticalGender" AS ENUM ('FEMININE', 'MASCULINE');

-- AlterTable
ALTER TABLE "SwornTranslator" ADD COLUMN     "gender" "GrammaticalGender";
