import type { ReactNode } from "react";
import { cn } from "./cn";

type TTone = "info" | "success" | "warning";

const TONES: Record<TTone, string> = {
  info: "border-brand-600 bg-brand-50 text-brand-900",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
};

// A static message in a page (not the result of an action): role="status" announces it politely.
export function Notice({ tone = "info", title, children, className }: { tone?: TTone; title?: string; children: ReactNode; className?: string }) {
  return (
    <div role="status" className={cn("rounded-md border-l-4 p-4", TONES[tone], className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}
