import type { Metadata } from "next";
import { MailLinkProblem } from "@/components/account/mail-link-problem";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { firstParam, type TPageSearchParams } from "@/lib/http/search-params";
import { FORGOT_PASSWORD_PATH, PASSWORD_RESET_LINK_EXPIRED_MESSAGE, PASSWORD_RESET_LINK_INVALID_MESSAGE } from "@/lib/auth/password-reset-policy";
import { readPasswordReset } from "@/lib/auth/read-password-reset";
import { ResetPasswordForm } from "./reset-password-form";

// no-referrer: the token in this page's address must not leave in a Referer header.
export const metadata: Metadata = { title: "Elegir una nueva contraseña", referrer: "no-referrer" };

// The link of the "forgotten password" mail. Opening it changes nothing (mail scanners open links).
export default async function ResetPasswordPage({ searchParams }: { searchParams: TPageSearchParams }) {
  const token = firstParam((await searchParams).token);
  const reset = await readPasswordReset(token);

  if (reset.status !== "VALID") {
    return (
      <MailLinkProblem
        expired={reset.status === "EXPIRED"}
        message={reset.status === "EXPIRED" ? PASSWORD_RESET_LINK_EXPIRED_MESSAGE : PASSWORD_RESET_LINK_INVALID_MESSAGE}
        testId="password-reset-problem"
        retry={{ href: FORGOT_PASSWORD_PATH, label: "Pedir otro enlace" }}
      />
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
