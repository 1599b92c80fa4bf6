"use server";

import { createPerformCaseAction } from "@/components/staff/create-perform-case-action";

// The plain transitions de Atención al Ciudadano: devolver a la Dirección Departamental.
export const performCaseActionAction = createPerformCaseAction("atencion");
