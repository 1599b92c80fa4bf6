import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({ children, className, as: Tag = "section", ...rest }: { children: ReactNode; className?: string; as?: "section" | "div" | "article"; "aria-labelledby"?: string }) {
  return (
    <Tag className={cn("rounded-lg border border-slate-300 bg-white p-5 shadow-sm sm:p-6", className)} {...rest}>
      {children}
    </Tag>
  );
}
