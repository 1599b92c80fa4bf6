-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "searchTerms" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Case_searchTerms_idx" ON "Case" USING GIN ("searchTerms");

-- Backfill: the same words lib/cases/case-search-terms.ts computes for new writes.
UPDATE "Case" AS c
SET "searchTerms" = ARRAY(
  SELECT DISTINCT w
  FROM regexp_split_to_table(
    lower(translate(
      concat_ws(' ', u."name", c."formData" #>> '{student,firstNames}', c."formData" #>> '{student,lastNames}'),
      'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')),
    '[^a-z0-9]+') AS w
  WHERE w <> ''
)
FROM "User" AS u
WHERE u."id" = c."applicantId";
