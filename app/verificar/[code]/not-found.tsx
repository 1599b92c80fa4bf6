import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";

export default function VerificationNotFound() {
  return (
    <>
      <PageHeading title="Verificación de documento: código no encontrado">
        <p>
          No existe ningún documento con este código de verificación. Revise que lo haya escrito igual que en el documento impreso, o escanee de nuevo el código QR.
        </p>
      </PageHeading>
      <Card>
        <VerificationCodeForm />
      </Card>
      <p className="mt-6">
        <Link href="/verificar" className="text-brand-700 underline">
          Volver a la verificación de documentos
        </Link>
      </p>
    </>
  );
}
