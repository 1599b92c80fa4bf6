"use server";

import { createReleaseCaseAction, createTakeCaseAction } from "@/components/staff/create-assignment-actions";

// "Tomar" / "Liberar" on this office's case view (decision 0023).
export const takeCaseAction = createTakeCaseAction("direccion");
export const releaseCaseAction = createReleaseCaseAction("direccion");
