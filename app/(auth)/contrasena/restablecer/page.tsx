import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FORGOT_PASSWORD_PATH, PASSWORD_RESET_LINK_EXPIRED_MESSAGE, PASSWORD_RESET_LINK_INVALID_MESSAGE } from "@/lib/auth/password-reset-policy";
import { readPasswordReset } from "@/lib/auth/read-password-reset";
import { ResetPasswordForm } from "./reset-password-form";

// no-referrer: the token in this page's address must not leave in a Referer header.
export const metadata: Metadata = { title: "Elegir una nueva contraseña", referrer: "no-referrer" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The link of the "forgotten password" mail. Opening it changes nothing (mail scanners open links).
export default async function ResetPasswordPage({ searchParams }: { searchParams: TSearchParams }) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const reset = await readPasswordReset(token);

  if (reset.status !== "VALID") {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeading title={reset.status === "EXPIRED" ? "El enlace venció" : "Enlace no válido"} />
        <Card className="space-y-4">
          <p data-testid="password-reset-problem">{reset.status === "EXPIRED" ? PASSWORD_RESET_LINK_EXPIRED_MESSAGE : PASSWORD_RESET_LINK_INVALID_MESSAGE}</p>
          <div className="flex flex-wrap gap-4">
            <ButtonLink href={FORGOT_PASSWORD_PATH}>Pedir otro enlace</ButtonLink>
            <Link href="/ingresar" className="self-center">
              Ingresar
            </Link>
          </div>
        </Card>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title="Elegir una nueva contraseña">
        <p>
          Para la cuenta <strong>{reset.email}</strong>. Al guardarla se cerrarán todas las sesiones abiertas de la cuenta y deberá
          ingresar de nuevo.
        </p>
      </PageHeading>
      <Card>
        <ResetPasswordForm token={token!} />
      </Card>
    </div>
  );
}
