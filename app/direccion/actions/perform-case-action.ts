"use server";

import { createPerformCaseAction } from "@/components/staff/create-perform-case-action";

// The plain transitions de la Dirección Departamental: devolver al Departamento Técnico Pedagógico o rechazar definitivamente.
export const performCaseActionAction = createPerformCaseAction("direccion");
