"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Back and Forward never show a staff page as it was (issue #14 §5: after signing, Back showed
// the case with its sign form). Next's router restores a page it navigated away from from its own
// cache on a client-side Back or Forward (popstate), with no request to the server, and the
// browser may restore a whole page from its back-forward cache (pageshow with `persisted`);
// Cache-Control: no-store, which every dynamic page gets, reaches neither. Either way the page
// asks the server again for what it shows now. Mounted once in each staff area's layout, so the
// listener is there whichever page the person leaves. Only what is shown: the server refuses a
// stale action on its own (optimistic concurrency).
export function RefreshOnHistoryRestore() {
  const router = useRouter();
  useEffect(() => {
    // Whichever of this listener and the router's own runs first, the page shown ends as the server
    // renders it now: refreshed before the restore, the refresh empties the router's cache and the
    // restore fetches the page again; after it, the refresh re-renders the restored page.
    const onPopState = () => router.refresh();
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) router.refresh();
    };
    window.addEventListener("popstate", onPopState);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [router]);
  return null;
}
