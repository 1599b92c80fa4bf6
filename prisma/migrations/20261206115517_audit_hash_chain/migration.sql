-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");

-- Every event written from now on is chained (lib/audit/append-audit-event.ts). NOT VALID: the
-- events already here are chained afterwards, in id order, by the first append or
-- `npm run audit:verify` (docs/decisions/0019). The check applies to every row inserted or updated.
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chained" CHECK ("prevHash" IS NOT NULL AND "hash" IS NOT NULL) NOT VALID;
