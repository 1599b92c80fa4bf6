import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "¿Olvidó su contraseña?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title="¿Olvidó su contraseña?">
        <p>Escriba el correo de su cuenta de Certifica y le enviaremos un enlace para elegir una nueva contraseña.</p>
      </PageHeading>
      <Card>
        <ForgotPasswordForm />
      </Card>
      <p className="mt-6">
        <Link href="/ingresar">Volver a ingresar</Link>
      </p>
    </div>
  );
}
