"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// After acting on a case (signing, returning…) the browser's Back button shows the page as it was
// before: the router's cache restores it on a client-side back navigation, and the back-forward
// cache on a full one, with the action's form still there (issue #14 §5). Each case page records the
// newest version of the case this tab has shown; a page older than that, or one restored from the
// back-forward cache, asks the server for the current one. Only this tab's sessionStorage: it is a
// hint for what to show, never what decides (the server refuses a stale action on its own).
const KEY = "certifica:case-version:";

export function RefreshStaleCase({ caseId, version }: { caseId: string; version: number }) {
  const router = useRouter();
  useEffect(() => {
    const seen = Number(readSeen(caseId));
    if (Number.isFinite(seen) && seen > version) router.refresh();
    else writeSeen(caseId, version);
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) router.refresh();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [caseId, version, router]);
  return null;
}

function readSeen(caseId: string): string | null {
  try {
    return sessionStorage.getItem(KEY + caseId);
  } catch {
    return null;
  }
}

function writeSeen(caseId: string, version: number): void {
  try {
    sessionStorage.setItem(KEY + caseId, String(version));
  } catch {
    // Storage refused (private mode, full): the page simply is not refreshed on Back.
  }
}
