"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Copies the link to the clipboard; where the browser refuses (an old phone, no permission), the
// link's text field is selected so the person can copy it by hand.
export function CopyLinkButton({ url, inputId, label }: { url: string; inputId: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setStatus("manual");
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        Copiar enlace<span className="sr-only"> para {label}</span>
      </Button>
      <span role="status" className="text-sm font-semibold text-green-900">
        {status === "copied" ? "Enlace copiado." : status === "manual" ? "Seleccionamos el enlace: cópielo con su teclado o menú." : ""}
      </span>
    </span>
  );
}
