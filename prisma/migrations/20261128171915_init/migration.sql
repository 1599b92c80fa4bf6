-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CITIZEN', 'TRANSLATOR', 'DIDEDUC_REVIEWER', 'DIDEDUC_SIGNER', 'CENTRAL_ASSISTANT', 'CENTRAL_COORDINATOR', 'CENTRAL_MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DideducType" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "Procedure" AS ENUM ('EDUCATIONAL_RECORD', 'GRADUATION_RECORD', 'DIPLOMA_BEFORE_2005', 'DIPLOMA_FROM_2005', 'SWORN_TRANSLATION', 'TRANSLATOR_REGISTRATION');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('DRAFT', 'DIDEDUC_REVIEW', 'NEEDS_CORRECTION', 'DIDEDUC_SIGNATURE', 'CENTRAL_REVIEW', 'MANAGER_REVIEW', 'REJECTED', 'ISSUED', 'REGISTERED');

-- CreateEnum
CREATE TYPE "SignerOffice" AS ENUM ('DIDEDUC', 'ARCHIVE', 'CENTRAL');

-- CreateEnum
CREATE TYPE "FileKind" AS ENUM ('SCAN', 'ARCHIVE_RECORD', 'TRANSLATION', 'APPOINTMENT_RESOLUTION');

-- CreateEnum
CREATE TYPE "DocumentStage" AS ENUM ('UNSIGNED', 'DIDEDUC_SIGNED', 'ISSUED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cui" TEXT,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "dideducId" TEXT,
    "post" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Dideduc" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "DideducType" NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dideduc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionOffice" (
    "id" TEXT NOT NULL,
    "dideducId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSequence" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseSequence_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "procedure" "Procedure" NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "applicantId" TEXT NOT NULL,
    "dideducId" TEXT,
    "formData" JSONB NOT NULL DEFAULT '{}',
    "lastNote" TEXT,
    "guidance" JSONB,
    "verificationCode" TEXT,
    "parentCaseId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadedFile" (
    "id" TEXT NOT NULL,
    "caseId" TEXT,
    "uploaderId" TEXT NOT NULL,
    "kind" "FileKind" NOT NULL,
    "originalName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "pages" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UploadedFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificationSheet" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "generatedById" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificationSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "sheetId" TEXT,
    "stage" "DocumentStage" NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "documentVersionId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "authorizedSignerId" TEXT,
    "role" "Role" NOT NULL,
    "certFingerprint" TEXT NOT NULL,
    "certSubject" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT,
    "actorId" TEXT,
    "role" "Role",
    "action" TEXT NOT NULL,
    "fromState" "CaseState",
    "toState" "CaseState",
    "note" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "delegationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorizedSigner" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "office" "SignerOffice" NOT NULL,
    "dideducId" TEXT,
    "post" TEXT NOT NULL,
    "certFingerprint" TEXT NOT NULL,
    "certSubject" TEXT NOT NULL,
    "certPem" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuthorizedSigner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SwornTranslator" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "languages" TEXT[],
    "appointmentResolution" TEXT NOT NULL,
    "dideducRegistrationNumber" TEXT NOT NULL,
    "dideducId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "registrationCaseId" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SwornTranslator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiplomaRegistry" (
    "id" TEXT NOT NULL,
    "registrationNumber" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "degree" TEXT NOT NULL,
    "school" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "dideducId" TEXT,
    "importBatch" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiplomaRegistry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "dideducId" TEXT NOT NULL,
    "grantorId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'DIDEDUC_REVIEWER',
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_cui_key" ON "User"("cui");

-- CreateIndex
CREATE INDEX "User_dideducId_idx" ON "User"("dideducId");

-- CreateIndex
CREATE UNIQUE INDEX "Dideduc_code_key" ON "Dideduc"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Dideduc_name_key" ON "Dideduc"("name");

-- CreateIndex
CREATE INDEX "SupervisionOffice_dideducId_idx" ON "SupervisionOffice"("dideducId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Case_verificationCode_key" ON "Case"("verificationCode");

-- CreateIndex
CREATE INDEX "Case_dideducId_state_submittedAt_idx" ON "Case"("dideducId", "state", "submittedAt");

-- CreateIndex
CREATE INDEX "Case_state_submittedAt_idx" ON "Case"("state", "submittedAt");

-- CreateIndex
CREATE INDEX "Case_procedure_state_submittedAt_idx" ON "Case"("procedure", "state", "submittedAt");

-- CreateIndex
CREATE INDEX "Case_applicantId_createdAt_idx" ON "Case"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "UploadedFile_caseId_idx" ON "UploadedFile"("caseId");

-- CreateIndex
CREATE INDEX "UploadedFile_uploaderId_createdAt_idx" ON "UploadedFile"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "UploadedFile_sha256_idx" ON "UploadedFile"("sha256");

-- CreateIndex
CREATE INDEX "CertificationSheet_caseId_createdAt_idx" ON "CertificationSheet"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentVersion_caseId_createdAt_idx" ON "DocumentVersion"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "DocumentVersion_sha256_idx" ON "DocumentVersion"("sha256");

-- CreateIndex
CREATE INDEX "Signature_caseId_idx" ON "Signature"("caseId");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_createdAt_idx" ON "AuditEvent"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuthorizedSigner_certFingerprint_idx" ON "AuthorizedSigner"("certFingerprint");

-- CreateIndex
CREATE INDEX "AuthorizedSigner_office_dideducId_idx" ON "AuthorizedSigner"("office", "dideducId");

-- CreateIndex
CREATE UNIQUE INDEX "SwornTranslator_userId_key" ON "SwornTranslator"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SwornTranslator_registrationCaseId_key" ON "SwornTranslator"("registrationCaseId");

-- CreateIndex
CREATE INDEX "SwornTranslator_name_idx" ON "SwornTranslator"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SwornTranslator_dideducId_dideducRegistrationNumber_key" ON "SwornTranslator"("dideducId", "dideducRegistrationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DiplomaRegistry_registrationNumber_key" ON "DiplomaRegistry"("registrationNumber");

-- CreateIndex
CREATE INDEX "DiplomaRegistry_holderName_idx" ON "DiplomaRegistry"("holderName");

-- CreateIndex
CREATE INDEX "Delegation_delegateId_validFrom_validTo_idx" ON "Delegation"("delegateId", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "Delegation_dideducId_idx" ON "Delegation"("dideducId");

-- CreateIndex
CREATE INDEX "OutboxMail_createdAt_idx" ON "OutboxMail"("createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionOffice" ADD CONSTRAINT "SupervisionOffice_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_parentCaseId_fkey" FOREIGN KEY ("parentCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadedFile" ADD CONSTRAINT "UploadedFile_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadedFile" ADD CONSTRAINT "UploadedFile_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificationSheet" ADD CONSTRAINT "CertificationSheet_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "CertificationSheet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_authorizedSignerId_fkey" FOREIGN KEY ("authorizedSignerId") REFERENCES "AuthorizedSigner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizedSigner" ADD CONSTRAINT "AuthorizedSigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizedSigner" ADD CONSTRAINT "AuthorizedSigner_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SwornTranslator" ADD CONSTRAINT "SwornTranslator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SwornTranslator" ADD CONSTRAINT "SwornTranslator_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SwornTranslator" ADD CONSTRAINT "SwornTranslator_registrationCaseId_fkey" FOREIGN KEY ("registrationCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaRegistry" ADD CONSTRAINT "DiplomaRegistry_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_dideducId_fkey" FOREIGN KEY ("dideducId") REFERENCES "Dideduc"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_grantorId_fkey" FOREIGN KEY ("grantorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
