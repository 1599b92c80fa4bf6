import type { CaseState } from "@/lib/generated/prisma/enums";
import type { THolidayDay } from "./business-days";

// The seed's starting targets, in business days per stage, the same for every procedure that has
// the stage (decision 0022: our proposal; the Ministry's procedure sets no time limits). The
// admin changes them under /admin/plazos.
export const DEFAULT_TARGET_DAYS: Partial<Record<CaseState, number>> = {
  DIDEDUC_REVIEW: 5,
  DIDEDUC_SIGNATURE: 2,
  CENTRAL_REVIEW: 3,
  MANAGER_REVIEW: 5,
};

// Guatemala's official holidays (días de asueto, Código de Trabajo art. 127) for 2026 and 2027,
// seeded as data the admin edits. Holy Week from Easter Sunday (5 April
// 2026, 28 March 2027). 24 and 31 December are half days (from noon), kept as whole days off.
// Holy Saturday falls on a Saturday anyway; listed so the table matches the official list.
export const GUATEMALA_HOLIDAYS: readonly (THolidayDay & { name: string })[] = [
  ...[2026, 2027].flatMap((year) => {
    const holy = year === 2026 ? ["04-02", "04-03", "04-04"] : ["03-25", "03-26", "03-27"];
    return [
      { date: `${year}-01-01`, name: "Año Nuevo" },
      { date: `${year}-${holy[0]}`, name: "Jueves Santo" },
      { date: `${year}-${holy[1]}`, name: "Viernes Santo" },
      { date: `${year}-${holy[2]}`, name: "Sábado Santo" },
      { date: `${year}-05-01`, name: "Día del Trabajo" },
      { date: `${year}-06-30`, name: "Día del Ejército" },
      { date: `${year}-09-15`, name: "Día de la Independencia" },
      { date: `${year}-10-20`, name: "Día de la Revolución" },
      { date: `${year}-11-01`, name: "Día de Todos los Santos" },
      { date: `${year}-12-24`, name: "Nochebuena", halfDay: true },
      { date: `${year}-12-25`, name: "Navidad" },
      { date: `${year}-12-31`, name: "Fin de año", halfDay: true },
    ];
  }),
];
