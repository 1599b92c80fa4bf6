import { cn } from "./cn";

export const DEMO_DATA_LABEL = "Dato de demostración";

// The mark on data the seed invented (a DIDEDUC's or a Supervisión Educativa's address and phone,
// `isPlaceholder`): the procedure's data tables ask that such placeholders be marked on screen. Same
// wording everywhere (admin directory, reviewer's select, the citizen's office card); `detail` says
// what it means where the reader is a citizen who might otherwise travel there.
export function DemoDataMark({ detail, className }: { detail?: string; className?: string }) {
  return (
    <span className={cn("block text-sm font-normal text-amber-900", className)} data-testid="demo-data-mark">
      <strong className="font-semibold">{DEMO_DATA_LABEL}</strong>
      {detail ? `: ${detail}` : null}
    </span>
  );
}

export const DEMO_CONTACT_DETAIL =
  "el teléfono y la dirección de esta oficina son datos de ejemplo del sistema, no los reales. Confírmelos con la Dirección Departamental antes de acudir.";
