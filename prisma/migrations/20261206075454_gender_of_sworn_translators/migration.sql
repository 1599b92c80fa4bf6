-- The enum GrammaticalGender is created by 20261206074921_signer_posts_and_change_requests.

-- AlterTable
ALTER TABLE "SwornTranslator" ADD COLUMN     "gender" "GrammaticalGender";
