import type { ReactNode } from "react";
import { RefreshOnHistoryRestore } from "./refresh-on-history-restore";

// What every staff area's layout renders around its pages, once the layout checked the area's role
// (the check stays in each layout, on its first line). `nav` is the area's own page list, if any.
export function StaffArea({ nav, children }: { nav?: ReactNode; children: ReactNode }) {
  return (
    <>
      {/* Back and Forward show each page as it is now (after signing, not the sign form). */}
      <RefreshOnHistoryRestore />
      {nav}
      {children}
    </>
  );
}
