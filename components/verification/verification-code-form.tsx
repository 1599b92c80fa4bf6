import { buttonClasses } from "@/components/ui/button";

// A plain GET form: works without JavaScript; the page normalizes whatever was typed.
export function VerificationCodeForm({ defaultValue = "", error }: { defaultValue?: string; error?: string }) {
  return (
    <form method="get" action="/verificar" className="space-y-3" noValidate>
      <label htmlFor="codigo" className="block font-medium">
        Código de verificación
      </label>
      <p id="codigo-hint" className="text-sm text-slate-600">
        Está impreso junto al código QR del documento, por ejemplo ABCD-1234-EFGH. Puede escribirlo en minúsculas y sin guiones.
      </p>
      <input
        id="codigo"
        name="codigo"
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby={error ? "codigo-hint codigo-error" : "codigo-hint"}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-lg uppercase"
      />
      {error ? (
        <p id="codigo-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClasses("primary")}>
        Verificar
      </button>
    </form>
  );
}
