"use client";

import { cn } from "@/components/ui/cn";
import { NavLinks, type TNavLink } from "./nav-links";

// The pages of one work area (e.g. /direccion: the signature queue and the delegations). `paths`
// lists the other addresses that belong to an item (a case opened from the queue is the queue's);
// a page of the area that no item lists (/direccion/firmantes) marks none.
export type TSectionNavItem = TNavLink;

export function SectionNav({ label, items }: { label: string; items: readonly TSectionNavItem[] }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-300">
      <NavLinks
        items={items}
        className="flex flex-wrap gap-x-2"
        linkClassName={(current) =>
          cn(
            "inline-block min-h-11 border-b-4 px-3 py-2.5 font-semibold no-underline hover:underline",
            current ? "border-brand-700 text-slate-900" : "border-transparent text-brand-800",
          )
        }
      />
    </nav>
  );
}
