"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

// The pages of one work area (e.g. /direccion: the signature queue and the delegations). `paths`
// lists the other addresses that belong to an item (a case opened from the queue is the queue's).
export type TSectionNavItem = { href: string; label: string; paths?: readonly string[] };

export function SectionNav({ label, items }: { label: string; items: readonly TSectionNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-300">
      <ul className="flex flex-wrap gap-x-2">
        {items.map((item) => {
          const current = pathname === item.href || (item.paths ?? []).some((p) => pathname === p || pathname.startsWith(`${p}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block min-h-11 border-b-4 px-3 py-2.5 font-semibold no-underline hover:underline",
                  current ? "border-brand-700 text-slate-900" : "border-transparent text-brand-800",
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
