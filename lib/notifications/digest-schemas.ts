import { z } from "zod";

// A person's digest preferences, from "Mi cuenta". The hour is Guatemala's (0–23).
export const ZDigestPreferences = z.object({
  digestEnabled: z
    .union([z.literal("on"), z.literal("true"), z.literal("off"), z.literal("false"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  digestHour: z.coerce
    .number({ error: "Elija una hora del día." })
    .int({ error: "Elija una hora del día." })
    .min(0, { error: "Elija una hora entre las 0:00 y las 23:00." })
    .max(23, { error: "Elija una hora entre las 0:00 y las 23:00." }),
});
export type TDigestPreferences = z.output<typeof ZDigestPreferences>;
