import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/components/cases/format-date";
import { compareDiplomaRegistry, type TDiplomaRegistryComparison } from "@/lib/cases/compare-diploma-registry";
import type { TDiplomaRegistryView } from "@/lib/cases/forms/diploma-from-2005-form";
import { recordOf, SummaryRow, textOf } from "@/components/cases/summary-rows";

function RegistryRows({ record }: { record: TDiplomaRegistryView }) {
  return (
    <dl className="divide-y divide-slate-200" data-testid="registry-record">
      <SummaryRow term="Número de registro" value={record.registrationNumber} />
      <SummaryRow term="Nombre" value={record.holderName} />
      <SummaryRow term="Título" value={record.degree} />
      <SummaryRow term="Establecimiento" value={record.school} />
      <SummaryRow term="Año" value={String(record.year)} />
      <SummaryRow term="Dirección Departamental" value={record.dideducName ?? ""} />
    </dl>
  );
}

function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "" : ` (${formatDateTime(new Date(t))})`;
}

function RegistryStatus({ c }: { c: TDiplomaRegistryComparison }) {
  switch (c.status) {
    case "MATCHES":
      return (
        <Notice tone="success" title="El registro no cambió desde el envío">
          <p>Es el mismo registro que se mostró a la persona al enviar la solicitud{when(c.atSubmission?.checkedAt ?? "")}.</p>
        </Notice>
      );
    case "NOT_SUBMITTED":
      return null;
    case "CHANGED":
      return (
        <Notice tone="warning" title="El registro cambió desde que se envió la solicitud">
          <p>Compare el título escaneado con los datos de hoy antes de emitir.</p>
          <table className="mt-2 w-full border-collapse text-left text-sm" data-testid="registry-changes">
            <caption className="sr-only">Cambios en el registro de títulos desde el envío</caption>
            <thead>
              <tr className="border-b border-amber-700">
                <th scope="col" className="py-1 pr-3">Dato</th>
                <th scope="col" className="py-1 pr-3">Al enviar{when(c.atSubmission?.checkedAt ?? "")}</th>
                <th scope="col" className="py-1">Hoy</th>
              </tr>
            </thead>
            <tbody>
              {c.changes.map((x) => (
                <tr key={x.label} className="border-b border-amber-200 align-top">
                  <th scope="row" className="py-1 pr-3">{x.label}</th>
                  <td className="py-1 pr-3">{x.atSubmission || "—"}</td>
                  <td className="py-1">{x.now || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Notice>
      );
    case "MISSING":
      return (
        <Notice tone="warning" title="El número ya no está en el registro de títulos">
          <p>
            {c.number ? `El número ${c.number} no aparece hoy en el registro de títulos del Ministerio.` : "El número escrito no es un número de registro válido."}{" "}
            {c.atSubmission ? "Abajo, lo que el registro tenía al enviar la solicitud." : null} No se puede emitir la certificación: rechace la solicitud para corrección indicando el motivo.
          </p>
        </Notice>
      );
    case "OTHER_PROCEDURE":
      return (
        <Notice tone="warning" title="Título firmado por un Director Regional o un Ministro (ATE-INS-04)">
          <p>{c.current?.otherProcedureMessage}</p>
        </Notice>
      );
  }
}

// The D.2.2 request beside the title's scan (central office) and on the citizen's page once sent:
// the number the applicant typed, what the Ministry's title registry holds for it today, whether
// that changed or disappeared since the request was submitted, and the graduate's data (the name
// as the registry had it at submission, the CUI or birth date typed).
export async function DiplomaFrom2005Summary({ formData }: { formData: unknown }) {
  const data = recordOf(formData);
  const student = recordOf(data.student);
  const c = await compareDiplomaRegistry(formData);
  const shown = c.current ?? c.atSubmission;
  return (
    <div className="space-y-6" data-testid="case-summary">
      <section aria-labelledby="registro-titulos" className="space-y-3" data-testid="diploma-registry-panel">
        <h3 id="registro-titulos" className="text-lg font-semibold">
          Registro de títulos del Ministerio de Educación
        </h3>
        <dl className="divide-y divide-slate-200">
          <SummaryRow term="Número escrito en la solicitud" value={c.typedNumber} />
        </dl>
        <RegistryStatus c={c} />
        {shown ? <RegistryRows record={shown} /> : null}
        {c.nameMatches === false ? (
          <Notice tone="warning" title="El nombre no coincide">
            <p>El nombre de la solicitud no es igual al del registro de títulos hoy: compárelo con el título escaneado.</p>
          </Notice>
        ) : null}
      </section>
      <section aria-labelledby="datos-graduado" className="space-y-2">
        <h3 id="datos-graduado" className="text-lg font-semibold">
          Datos de la persona graduada
        </h3>
        <dl className="divide-y divide-slate-200" data-testid="graduate-data">
          {/* Sent requests carry the registry's name (decision 0027); a draft, what was typed. */}
          {textOf(student.fullName) ? (
            <SummaryRow term="Nombre (según el registro de títulos)" value={textOf(student.fullName)} />
          ) : (
            <>
              <SummaryRow term="Nombres" value={textOf(student.firstNames)} />
              <SummaryRow term="Apellidos" value={textOf(student.lastNames)} />
            </>
          )}
          {textOf(student.cui) ? <SummaryRow term="CUI" value={textOf(student.cui)} /> : null}
          {textOf(student.birthDate) ? <SummaryRow term="Fecha de nacimiento" value={textOf(student.birthDate).slice(0, 10)} /> : null}
          <SummaryRow term="Sello de la Contraloría" value={data.cgcStampConfirmed === true ? "La persona confirmó que el título lo lleva" : ""} />
          {textOf(data.contactPhone) ? <SummaryRow term="Teléfono de contacto" value={textOf(data.contactPhone)} /> : null}
        </dl>
      </section>
    </div>
  );
}
