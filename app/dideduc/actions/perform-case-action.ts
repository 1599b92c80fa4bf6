"use server";

import { createPerformCaseAction } from "@/components/staff/create-perform-case-action";

// The plain transitions del Departamento Técnico Pedagógico: rechazar para corrección o rechazar indicando dónde acudir.
export const performCaseActionAction = createPerformCaseAction("dideduc");
