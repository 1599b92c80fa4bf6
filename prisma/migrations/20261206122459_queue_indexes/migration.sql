-- CreateIndex
CREATE INDEX "Case_submittedAt_createdAt_id_state_procedure_idx" ON "Case"("submittedAt", "createdAt", "id", "state", "procedure");

-- CreateIndex
CREATE INDEX "Case_dideducId_submittedAt_createdAt_id_state_procedure_idx" ON "Case"("dideducId", "submittedAt", "createdAt", "id", "state", "procedure");

-- CreateIndex
CREATE INDEX "Case_state_submittedAt_createdAt_id_procedure_idx" ON "Case"("state", "submittedAt", "createdAt", "id", "procedure");

-- CreateIndex
CREATE INDEX "Case_dideducId_state_submittedAt_createdAt_id_procedure_idx" ON "Case"("dideducId", "state", "submittedAt", "createdAt", "id", "procedure");

-- "Any part of the case number" (issue #14): LIKE '%000009%' on a trigram index. pg_trgm ships
-- with PostgreSQL (contrib) and with PGlite (loaded in lib/db/create-adapter-factory.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Case_number_trgm_idx" ON "Case" USING GIN ("number" gin_trgm_ops);
