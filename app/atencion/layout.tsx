import type { ReactNode } from "react";
import { RefreshOnHistoryRestore } from "@/components/staff/refresh-on-history-restore";
import { requireSegment } from "@/lib/auth/require-segment";

// The server-side check of this area; the proxy's redirect is only the first, cheaper one.
export default async function AtencionLayout({ children }: { children: ReactNode }) {
  await requireSegment("atencion");
  return (
    <>
      {/* Back and Forward show each page as it is now (after signing, not the sign form). */}
      <RefreshOnHistoryRestore />
      {children}
    </>
  );
}
