"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// A nav's item: its address, and the addresses under which a page is also the item's (`paths`:
// a case opened from a queue is the queue's). Without `paths` only the item's own address is.
export type TNavLink = { href: string; label: string; paths?: readonly string[] };

function isAtOrUnder(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

// The item the page is: its own address, or under one of its paths. When several match, the most
// specific one (/atencion/estadisticas is not also /atencion).
export function currentNavHref(pathname: string, items: readonly TNavLink[]): string | undefined {
  let best: { href: string; length: number } | undefined;
  for (const item of items) {
    const lengths = [pathname === item.href ? item.href.length : -1, ...(item.paths ?? []).map((p) => (isAtOrUnder(pathname, p) ? p.length : -1))];
    const length = Math.max(...lengths);
    if (length >= 0 && (!best || length > best.length)) best = { href: item.href, length };
  }
  return best?.href;
}

// The links of a nav, the current one marked for assistive technology (aria-current) as well as
// by its look (`linkClassName(current)`).
export function NavLinks({
  items,
  className,
  linkClassName,
}: {
  items: readonly TNavLink[];
  className: string;
  linkClassName: (current: boolean) => string;
}) {
  const currentHref = currentNavHref(usePathname(), items);
  return (
    <ul className={className}>
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined} className={linkClassName(current)}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
