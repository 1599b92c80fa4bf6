-- CreateIndex
CREATE INDEX "Case_id_procedure_dideducId_idx" ON "Case"("id", "procedure", "dideducId");
