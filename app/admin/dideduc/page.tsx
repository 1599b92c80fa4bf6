import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { DemoDataMark } from "@/components/ui/demo-data-mark";
import { listDideducDirectory } from "@/lib/admin/list-dideduc-directory";
import { requireSegment } from "@/lib/auth/require-segment";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Directorio de DIDEDUC" };

export default async function DideducDirectoryPage() {
  await requireSegment("admin");
  const rows = await listDideducDirectory();
  return (
    <>
      <PageHeading eyebrow="Administración" title="Directorio de DIDEDUC">
        <p>Las {rows.length} Direcciones Departamentales de Educación y sus Supervisiones Educativas. Quien revisa elige de esta lista al rechazar e indicar dónde acudir.</p>
      </PageHeading>
      <DataTable testId="dideduc-table" caption="Direcciones Departamentales" columns={["DIDEDUC", "Tipo", "Dirección y contacto", "Supervisiones"]}>
        {rows.map((d) => (
          <tr key={d.id} className="border-t border-slate-200 align-top">
            <th scope="row" className="px-3 py-2 font-semibold">
              <Link href={`/admin/dideduc/${d.id}`}>{d.name}</Link>
              {d.isPlaceholder ? <DemoDataMark /> : null}
            </th>
            <td className="px-3 py-2">{d.type}</td>
            <td className="px-3 py-2 text-sm">
              {d.address}
              <span className="block">{d.phone} · {d.email}</span>
            </td>
            <td className="px-3 py-2">
              {d.supervisions.length}
              {d.supervisions.some((s) => s.isPlaceholder) ? <DemoDataMark /> : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
