import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { readSwornTranslatorCheck } from "@/lib/registry/check-sworn-translator";
import { translatorFieldPath, TRANSLATION_MISSING, ZSwornTranslationForm } from "./forms/sworn-translation-form";

// D.3's checks that read the database, inside the submission's transaction (lib/cases/procedure-forms):
// the translation is attached, and the translator is in the registry of sworn translators (D.4),
// active and authorized for the language, with the name and agreement typed. Each refusal is a
// Spanish message next to the field it concerns. Re-checked here, not trusted from the editor:
// the registry may have changed since the translator was picked.
export async function checkSwornTranslation(tx: Prisma.TransactionClient, caseRow: { id: string; formData: unknown }): Promise<TFieldErrors> {
  const errors: TFieldErrors = {};
  const translations = await tx.uploadedFile.count({ where: { caseId: caseRow.id, kind: "TRANSLATION" } });
  if (translations === 0) errors.files = [TRANSLATION_MISSING];
  const form = ZSwornTranslationForm.safeParse(caseRow.formData);
  if (!form.success) return errors;
  const { translator } = form.data;
  const check = await readSwornTranslatorCheck(tx, {
    name: translator.name,
    agreementNumber: translator.agreementNumber,
    registrationNumber: translator.registrationNumber,
    language: translator.language,
  });
  if (!check.ok) errors[translatorFieldPath(check.field)] = [check.message];
  else if (translator.id && translator.id !== check.translator.id) {
    // Picked one entry, typed another's data: the typed data decide, but say so.
    errors["translator.registrationNumber"] = ["Los datos del traductor no corresponden a la persona elegida en el registro. Elíjala de nuevo o corrija los datos."];
  }
  return errors;
}
