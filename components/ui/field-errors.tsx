// A field's error messages, next to it: the paragraph "<field id>-error" that the field's
// aria-describedby names, each message read out after "Error:". Nothing when there is none.
export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] | null }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
      {errors.map((e) => (
        <span key={e} className="block">
          <span className="sr-only">Error: </span>
          {e}
        </span>
      ))}
    </p>
  );
}
