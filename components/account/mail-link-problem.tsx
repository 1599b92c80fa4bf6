import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

// What a page opened from a mailed link (registration, forgotten password) shows when the link no
// longer serves: expired or unknown, why, the way to ask for another, and sign in.
export function MailLinkProblem({ expired, message, testId, retry }: { expired: boolean; message: string; testId: string; retry: { href: string; label: string } }) {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title={expired ? "El enlace venció" : "Enlace no válido"} />
      <Card className="space-y-4">
        <p data-testid={testId}>{message}</p>
        <div className="flex flex-wrap gap-4">
          <ButtonLink href={retry.href}>{retry.label}</ButtonLink>
          <Link href="/ingresar" className="self-center">
            Ingresar
          </Link>
        </div>
      </Card>
    </div>
  );
}
