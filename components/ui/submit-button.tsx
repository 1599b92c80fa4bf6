"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";

// Disabled while its form is being sent, so a double click does not submit twice.
export function SubmitButton({ children, pendingLabel, variant = "primary", className }: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses(variant, className)}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
