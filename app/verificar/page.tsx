import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { normalizeVerificationCode } from "@/lib/verification/normalize-verification-code";

export const metadata: Metadata = { title: "Verificación de documento" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ codigo?: string | string[] }> }) {
  const raw = (await searchParams).codigo;
  const typed = typeof raw === "string" ? raw : "";
  let error: string | undefined;
  if (typed.trim()) {
    const code = normalizeVerificationCode(typed);
    if (code) redirect(`/verificar/${code}`);
    error = "El código no tiene el formato correcto: son 12 letras o números, por ejemplo ABCD-1234-EFGH.";
  }
  return (
    <>
      <PageHeading title="Verificación de documento">
        <p>Compruebe si un documento certificado electrónicamente por el Ministerio de Educación es auténtico. No necesita una cuenta.</p>
      </PageHeading>
      <Card>
        <VerificationCodeForm defaultValue={typed} error={error} />
      </Card>
    </>
  );
}
