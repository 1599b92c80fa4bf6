-- AlterTable
ALTER TABLE "SupervisionOffice" ADD COLUMN     "isPlaceholder" BOOLEAN NOT NULL DEFAULT false;

-- The seed's invented offices in a database seeded before this column existed, unless an
-- administrator has since saved real data for them (admin.update_supervision).
UPDATE "SupervisionOffice" s SET "isPlaceholder" = true
WHERE s."id" LIKE 'seed-supervision-%'
  AND NOT EXISTS (
    SELECT 1 FROM "AuditEvent" a WHERE a."action" = 'admin.update_supervision' AND a."data"->>'officeId' = s."id"
  );
