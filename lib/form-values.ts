// A form's FormData as the action wrapper (lib/action.ts) reads it, and the values it sends back so
// the form can show them again. Client-safe: the client echoes the same way when a request never
// reached the action (components/ui/use-form-action.ts).

const SENSITIVE_NAME = /pass|contrase|secret|token|clave|pin/i;

// FormData → plain object: repeated names become arrays, files stay File, Next's own $ACTION_ keys go.
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else out[key] = value;
  }
  return out;
}

export function echoValues(raw: Record<string, unknown>, sensitive: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (sensitive.includes(key) || SENSITIVE_NAME.test(key)) continue;
    if (typeof value === "string") values[key] = value.slice(0, 5000);
    else if (typeof value === "number" || typeof value === "boolean") values[key] = String(value);
  }
  return values;
}
