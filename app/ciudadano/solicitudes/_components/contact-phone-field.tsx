import { FormSection, InputField } from "./fields";
import type { TTextBinding } from "./use-case-draft";

// The optional phone for questions about the request (the draft's "contactPhone").
export function ContactPhoneField({ label = "Teléfono para consultas sobre esta solicitud", ...field }: TTextBinding & { label?: string }) {
  return <InputField label={label} optional type="tel" autoComplete="tel-national" maxLength={30} {...field} />;
}

// The phone alone under its own heading.
export function ContactSection(field: TTextBinding) {
  return (
    <FormSection legend="Contacto">
      <ContactPhoneField {...field} />
    </FormSection>
  );
}
