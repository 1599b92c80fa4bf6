import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <PageHeading title="No encontramos esta página">
        <p>La dirección puede estar mal escrita, o la página ya no existe.</p>
      </PageHeading>
      <p>
        <Link href="/">Volver a la página de inicio</Link>
      </p>
    </div>
  );
}
