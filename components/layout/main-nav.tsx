"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type TNavItem = { href: string; label: string };

// The areas the person may open. The current one is marked for assistive technology too.
export function MainNav({ items }: { items: readonly TNavItem[] }) {
  const pathname = usePathname();
  if (items.length === 0) return null;
  // The most specific item is the current one (/atencion/estadisticas is not also /atencion).
  const matches = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  const currentHref = matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Secciones" className="border-t border-brand-700 bg-brand-800">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4 sm:px-6">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block min-h-11 border-b-4 px-3 py-2.5 font-semibold text-white no-underline hover:text-white hover:underline",
                  current ? "border-[var(--color-focus)]" : "border-transparent",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
