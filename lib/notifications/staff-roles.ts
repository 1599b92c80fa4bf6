import type { Role } from "@/lib/generated/prisma/enums";
import { SEGMENT_ROLES } from "@/lib/auth/roles";

// The roles whose queues a digest reports on.
export const STAFF_ROLES: readonly Role[] = [...new Set([...SEGMENT_ROLES.dideduc, ...SEGMENT_ROLES.direccion, ...SEGMENT_ROLES.atencion])];
