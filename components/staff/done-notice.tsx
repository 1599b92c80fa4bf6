import { Notice } from "@/components/ui/notice";

// What the person just did, confirmed on the page they land on (the actions redirect here with ?hecho=).
const DONE: Record<string, string> = {
  reject_for_correction: "La solicitud fue devuelta a la persona para que la corrija. Se le avisó por correo electrónico.",
  reject_with_guidance: "La solicitud fue rechazada con la indicación de dónde acudir. Se avisó a la persona por correo electrónico.",
  reject_requesting_documents:
    "La solicitud fue rechazada con los documentos que se necesitan y dónde solicitarlos. Se avisó a la persona por correo electrónico; podrá iniciar una nueva solicitud que los pida.",
  generate_certification: "La certificación fue generada y trasladada a la firma de la Dirección Departamental.",
  sign: "La certificación fue firmada y trasladada a Atención al Ciudadano.",
  return: "La solicitud fue devuelta con su nota.",
  return_to_signer: "La solicitud fue devuelta a la firma de la Dirección Departamental con su nota: la misma certificación debe firmarse de nuevo.",
  reject_definitively: "La solicitud fue rechazada de forma definitiva. Se avisó a la persona por correo electrónico.",
  sign_and_issue: "La certificación fue firmada y emitida. La persona ya puede descargarla.",
  accept: "Registro realizado: la inscripción quedó en el registro de traductores jurados. Se avisó por correo electrónico a quien la solicitó.",
  reject: "La solicitud fue rechazada con su motivo. Se avisó a la persona por correo electrónico.",
  // "Tomar" (decision 0023).
  "case.take": "Usted tomó esta solicitud: las demás personas ven que usted la está revisando.",
  "case.takeover": "Usted tomó esta solicitud: quien la tenía llevaba demasiado tiempo sin actividad en ella.",
  "case.release": "La solicitud quedó liberada: cualquier persona que pueda actuar sobre ella puede tomarla.",
  revoke: "La certificación fue anulada. La página de verificación ya la muestra como anulada y se avisó al titular por correo electrónico.",
};

export function DoneNotice({ action }: { action: string | undefined }) {
  const text = action ? DONE[action] : undefined;
  if (!text) return null;
  return (
    <Notice tone="success" title="Listo" className="mb-6">
      <span data-testid="done-notice">{text}</span>
    </Notice>
  );
}
