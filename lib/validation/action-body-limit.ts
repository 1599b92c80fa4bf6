// The largest server action request Next.js accepts (next.config.ts
// `experimental.serverActions.bodySizeLimit`; its default, 1 MB, made explicit). Beyond it Next.js
// answers 500 before our action runs, and a form waiting on useActionState would be replaced by
// the error page: the client measures what it is about to send against the same number
// (components/ui/use-form-action.ts). Files never go through actions: they stream to
// /api/uploads.
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const ACTION_BODY_TOO_LARGE_MESSAGE =
  "No se envió: el formulario lleva más texto del que se puede recibir de una vez (1 MB). Acorte los textos largos e inténtelo de nuevo.";

// What a FormData will weigh on the wire, from above: each entry's name and value in UTF-8 (a
// file's size) plus a generous allowance for its multipart headers and React's encoding of the
// action's arguments. Erring high only refuses, in the browser, a form already within a few
// hundred bytes per field of the limit.
const PER_ENTRY_OVERHEAD = 256;
const PER_REQUEST_OVERHEAD = 2048;

export function estimateFormDataBytes(formData: FormData): number {
  const encoder = new TextEncoder();
  let total = PER_REQUEST_OVERHEAD;
  for (const [key, value] of formData.entries()) {
    total += PER_ENTRY_OVERHEAD + encoder.encode(key).length;
    total += typeof value === "string" ? encoder.encode(value).length : value.size;
  }
  return total;
}
