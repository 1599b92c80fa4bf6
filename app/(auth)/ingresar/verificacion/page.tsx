import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getActor } from "@/lib/auth/get-actor";
import { homePathFor } from "@/lib/auth/roles";
import { accessRolesOf } from "@/lib/auth/session-user";
import { readChallengeCookie } from "@/lib/auth/totp/challenge-cookie";
import { describeSecondFactorStep } from "@/lib/auth/totp/describe-second-factor-step";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Verificación en dos pasos", robots: { index: false } };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The step after the password for administrators and signers: enrolment (first sign-in, or after
// an administrator's reset) or a code. What it shows comes from the challenge cookie only.
export default async function SecondFactorPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const step = await describeSecondFactorStep(await readChallengeCookie());

  if (step.kind === "expired") {
    const actor = await getActor();
    if (actor) redirect(homePathFor(accessRolesOf(actor)));
    return (
      <div className="mx-auto max-w-xl">
        <PageHeading title="Verificación en dos pasos" />
        <Notice tone="warning" title="Vuelva a ingresar">
          Su ingreso expiró o ya no es válido. <Link href="/ingresar">Escriba de nuevo su correo y su contraseña</Link>.
        </Notice>
      </div>
    );
  }

  const enrolling = step.stage === "enrol";
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading title={enrolling ? "Configure la verificación en dos pasos" : "Verificación en dos pasos"}>
        <p>
          {enrolling
            ? `Su cuenta (${step.email}) administra la plataforma o firma certificaciones: además de la contraseña, pide un código que genera una aplicación de autenticación en su teléfono.`
            : `Escriba el código de 6 dígitos que muestra su aplicación de autenticación para ${step.email}.`}
        </p>
      </PageHeading>
      <Card>
        <SecondFactorForm stage={step.stage} enrolment={step.enrolment} callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
