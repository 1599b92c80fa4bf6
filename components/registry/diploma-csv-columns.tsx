import { DIPLOMA_CSV_COLUMNS } from "@/lib/registry/diploma-csv-row";

// The documentation of the import's columns, next to the form.
export function DiplomaCsvColumns() {
  return (
    <section aria-labelledby="csv-columns-heading" className="space-y-3 text-slate-800">
      <h3 id="csv-columns-heading" className="text-lg font-semibold">
        Columnas del archivo
      </h3>
      <p>
        La primera fila nombra las columnas, en cualquier orden (mayúsculas y tildes no importan). Cada fila siguiente es un título. Las columnas que no estén en esta lista se ignoran.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Columnas del archivo CSV del registro de títulos</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1">Columna</th>
              <th scope="col" className="px-2 py-1">Contenido</th>
            </tr>
          </thead>
          <tbody>
            {DIPLOMA_CSV_COLUMNS.map((c) => (
              <tr key={c.key} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-2 py-1 font-mono font-semibold">
                  {c.header}
                </th>
                <td className="px-2 py-1">{c.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="list-disc space-y-1 pl-6 text-sm">
        <li>Separador: punto y coma (como guarda una hoja de cálculo en español) o coma. Los textos con separadores, comillas o saltos de línea van entre comillas dobles.</li>
        <li>Codificación UTF-8 (con o sin BOM): en la hoja de cálculo, «Guardar como» → «CSV UTF-8».</li>
        <li>Un número ya registrado con los mismos datos no cambia nada; con datos distintos, la fila se rechaza como conflicto y el registro existente se conserva.</li>
        <li>
          Las filas con errores se rechazan con su número de línea y el motivo, en un informe descargable; las demás se registran.{" "}
          <a href="/admin/titulos/ejemplo" download className="font-semibold text-brand-800 underline">
            Descargar archivo de ejemplo
          </a>
          .
        </li>
      </ul>
    </section>
  );
}
