import { REQUESTABLE_DOCUMENT_LABELS, type TGuidanceContact, type TRequestableDocument } from "@/lib/workflow/inputs";
import { REQUESTED_DOCUMENT_HINTS } from "@/lib/cases/forms/diploma-before-2005-form";
import { OfficeContact } from "./office-contact";
import { StartFromButton } from "./start-from-button";

// A title the DIDEDUC could not verify without the cierre de pensum and/or the certificación general
// de cursos (D.2.1, Nota 2): which documents, where to ask for them, and a new request that carries
// everything of this one and asks for those files.
export function RequestedDocumentsRejection({ caseId, documents, contact }: { caseId: string; documents: readonly TRequestableDocument[]; contact: TGuidanceContact }) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="documentos-solicitados" className="space-y-2">
        <h3 id="documentos-solicitados" className="text-lg font-semibold">
          Documentos que debe obtener
        </h3>
        <ul className="list-disc space-y-1 pl-6" data-testid="requested-documents">
          {documents.map((d) => (
            <li key={d}>
              <span className="font-semibold">{REQUESTABLE_DOCUMENT_LABELS[d]}</span>
              <span className="block text-sm text-slate-700">{REQUESTED_DOCUMENT_HINTS[d]}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="donde-solicitarlos" className="space-y-2">
        <h3 id="donde-solicitarlos" className="text-lg font-semibold">
          Dónde solicitarlos
        </h3>
        <OfficeContact contact={contact} />
      </section>
      <p>
        Cuando los tenga escaneados en PDF, inicie una nueva solicitud: copiaremos los datos que escribió y el título que adjuntó, y le
        pediremos adjuntar {documents.length === 1 ? "ese documento" : "esos documentos"} antes de enviarla.
      </p>
      <StartFromButton caseId={caseId} label="Iniciar una nueva solicitud con estos documentos" />
    </div>
  );
}
