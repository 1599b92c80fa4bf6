import type { Metadata } from "next";
import { MailLinkProblem } from "@/components/account/mail-link-problem";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { firstParam, type TPageSearchParams } from "@/lib/http/search-params";
import { REGISTRATION_LINK_EXPIRED_MESSAGE, REGISTRATION_LINK_INVALID_MESSAGE } from "@/lib/auth/confirm-registration";
import { readPendingRegistration } from "@/lib/auth/read-pending-registration";
import { ConfirmRegistrationForm } from "./confirm-registration-form";

export const metadata: Metadata = { title: "Confirmar su cuenta", referrer: "no-referrer" };

// The link of the registration mail. Opening it creates nothing (mail scanners open links too): the
// page shows what was typed and the person confirms with the button.
export default async function ConfirmRegistrationPage({ searchParams }: { searchParams: TPageSearchParams }) {
  const token = firstParam((await searchParams).token);
  const pending = await readPendingRegistration(token);

  if (pending.status !== "VALID") {
    return (
      <MailLinkProblem
        expired={pending.status === "EXPIRED"}
        message={pending.status === "EXPIRED" ? REGISTRATION_LINK_EXPIRED_MESSAGE : REGISTRATION_LINK_INVALID_MESSAGE}
        testId="confirmation-problem"
        retry={{ href: "/registro", label: "Registrarme de nuevo" }}
      />
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title="Confirme su cuenta">
        <p>Está por crear su cuenta de Certifica con estos datos.</p>
      </PageHeading>
      <Card className="space-y-5">
        <dl className="divide-y divide-slate-200">
          <div className="grid gap-1 py-2 sm:grid-cols-3">
            <dt className="font-semibold text-slate-700">Nombre</dt>
            <dd className="sm:col-span-2">{pending.name}</dd>
          </div>
          <div className="grid gap-1 py-2 sm:grid-cols-3">
            <dt className="font-semibold text-slate-700">Correo</dt>
            <dd className="sm:col-span-2">{pending.email}</dd>
          </div>
          <div className="grid gap-1 py-2 sm:grid-cols-3">
            <dt className="font-semibold text-slate-700">Tipo de cuenta</dt>
            <dd className="sm:col-span-2">{pending.isTranslator ? "Traductor jurado" : "Persona usuaria"}</dd>
          </div>
        </dl>
        <p className="text-slate-700">Si usted no pidió esta cuenta, cierre esta página: sin confirmar no se crea nada.</p>
        <ConfirmRegistrationForm token={token!} />
      </Card>
    </div>
  );
}
