import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeading } from "@/components/layout/page-heading";

// The page of a blank request, whichever procedure: its heading with what to prepare, what goes
// before the form, the form, and the way back to "Mis trámites". Each page checks the citizen's
// segment itself before it renders this.
export function NewRequestPage({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <>
      <PageHeading title={title} eyebrow="Nueva solicitud">
        {intro}
      </PageHeading>
      {children}
      <p className="mt-8">
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}

// The form under an h2, as on a draft's own page (/ciudadano/solicitudes/[id]), so the form's
// sections (h3) sit under it.
export function RequestFormSection({ heading = "Complete su solicitud", className, children }: { heading?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby="formulario" className={className}>
      <h2 id="formulario" className="mb-4 text-2xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
