"use client";

import { useEffect, useRef, type ReactNode } from "react";

// "Revise su correo": what a form that mailed a link shows instead of itself (registration, a
// forgotten password). The heading takes the focus, so a screen reader announces the change.
export function MailSentPanel({ id, testId, children }: { id: string; testId: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={id} className="space-y-4" data-testid={testId}>
      <h2 id={id} ref={heading} tabIndex={-1} className="text-xl font-semibold">
        Revise su correo
      </h2>
      <p>{children}</p>
      <p className="text-slate-700">
        Si no lo ve en unos minutos, revise la carpeta de correo no deseado y que escribió bien su correo. Si el problema continúa,
        comuníquese con Atención al Ciudadano.
      </p>
    </section>
  );
}
