import { FieldErrors } from "./field-errors";
import { FilePicker } from "./file-picker";

// The public certificate of a signer (never a .p12): the admin's registry form and the
// DIDEDUC's notice of a new signer ask for it the same way, errors linked for screen readers.
export function CertificateFileField({ label, hint, errors }: { label: string; hint: string; errors?: readonly string[] }) {
  const errorId = errors?.length ? "certificate-error" : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor="certificate" id="certificate-label" className="block font-semibold">{label}</label>
      <p id="certificate-hint" className="text-sm text-slate-700">{hint}</p>
      <FieldErrors id="certificate" errors={errors} />
      <FilePicker
        id="certificate"
        labelledBy="certificate-label"
        name="certificate"
        accept=".pem,.cer,.crt,application/x-x509-ca-cert,application/pkix-cert"
        describedBy={["certificate-hint", errorId].filter(Boolean).join(" ")}
        invalid={Boolean(errorId)}
        buttonText="Elegir certificado"
      />
    </div>
  );
}
