"use client";

import { cn } from "@/components/ui/cn";
import { NavLinks } from "./nav-links";

export type TNavItem = { href: string; label: string };

// The areas the person may open: each is current on its own pages and every page under it, the
// most specific one winning (components/layout/nav-links). Marked for assistive technology too.
export function MainNav({ items }: { items: readonly TNavItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Secciones" className="border-t border-brand-700 bg-brand-800">
      <NavLinks
        items={items.map((item) => ({ ...item, paths: [item.href] }))}
        className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4 sm:px-6"
        linkClassName={(current) =>
          cn(
            "inline-block min-h-11 border-b-4 px-3 py-2.5 font-semibold text-white no-underline hover:text-white hover:underline",
            current ? "border-[var(--color-focus)]" : "border-transparent",
          )
        }
      />
    </nav>
  );
}
