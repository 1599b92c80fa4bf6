import type { ReactNode } from "react";
import { StaffArea } from "@/components/staff/staff-area";
import { requireSegment } from "@/lib/auth/require-segment";

// The server-side check of this area; the proxy's redirect is only the first, cheaper one.
export default async function AtencionLayout({ children }: { children: ReactNode }) {
  await requireSegment("atencion");
  return <StaffArea>{children}</StaffArea>;
}
