-- CreateIndex
CREATE INDEX "Case_closedAt_submittedAt_state_procedure_dideducId_idx" ON "Case"("closedAt", "submittedAt", "state", "procedure", "dideducId");

-- CreateIndex
CREATE INDEX "Case_dideducId_closedAt_submittedAt_state_procedure_idx" ON "Case"("dideducId", "closedAt", "submittedAt", "state", "procedure");

-- CreateIndex
CREATE INDEX "AuditEvent_toState_createdAt_caseId_idx" ON "AuditEvent"("toState", "createdAt", "caseId");

-- The dashboards' time per stage (lib/stats/measure-stage-times.ts): every state-changing event
-- since a period's start, with what the window over each case reads, without touching the table
-- (docs/decisions/0024). Partial: most audit events change no state.
CREATE INDEX "AuditEvent_stats_transitions_idx" ON "AuditEvent"("createdAt") INCLUDE ("caseId", "toState", "id") WHERE "toState" IS NOT NULL AND "caseId" IS NOT NULL;
