"use client";

import { OUTDATED_CODES } from "./form-action";

// After "someone else changed this case" the useful next step is to look at it again as it is now.
export function OutdatedNotice({ code, href }: { code: string | undefined; href: string }) {
  if (!code || !OUTDATED_CODES.has(code)) return null;
  return (
    <p className="mt-2" data-testid="outdated-notice">
      {/* A plain link: a full load shows the current state, version and buttons. */}
      <a href={href} className="font-semibold">
        Ver la solicitud en su estado actual
      </a>
    </p>
  );
}
