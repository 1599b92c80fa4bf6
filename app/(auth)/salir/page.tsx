import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/page-heading";
import { SignOutButton } from "@/components/layout/sign-out-button";

export const metadata: Metadata = { title: "Cerrar sesión", robots: { index: false } };

// A page to link to ("/salir"); closing the session itself is a POST from its button.
export default function SignOutPage() {
  return (
    <div className="max-w-xl">
      <PageHeading title="Cerrar sesión">
        <p>Cierre su sesión al terminar, sobre todo en una computadora compartida.</p>
      </PageHeading>
      <SignOutButton look="button" />
    </div>
  );
}
