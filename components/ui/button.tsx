import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

type TVariant = "primary" | "secondary" | "ghost" | "danger";

const BASE =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold no-underline " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60";

const VARIANTS: Record<TVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 hover:text-white",
  secondary: "border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50 hover:text-brand-900",
  ghost: "text-brand-800 underline hover:bg-brand-50",
  danger: "bg-red-700 text-white hover:bg-red-800 hover:text-white",
};

export function buttonClasses(variant: TVariant = "primary", className?: string): string {
  return cn(BASE, VARIANTS[variant], className);
}

export function Button({ variant = "primary", className, type = "button", ...props }: ComponentProps<"button"> & { variant?: TVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: TVariant }) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
