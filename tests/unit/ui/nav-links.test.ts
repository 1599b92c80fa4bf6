import { describe, expect, it } from "vitest";
import { currentNavHref } from "@/components/layout/nav-links";

// components/layout/nav-links.tsx: which link of a nav is the page (aria-current="page"), for the
// main nav (an area is current on every page under it) and a section nav (only the listed paths).
describe("currentNavHref", () => {
  const areas = [
    { href: "/atencion", label: "Atención al Ciudadano", paths: ["/atencion"] },
    { href: "/atencion/estadisticas", label: "Estadísticas", paths: ["/atencion/estadisticas"] },
    { href: "/admin", label: "Administración", paths: ["/admin"] },
  ];

  it("marks the area of the page, the most specific one when areas nest", () => {
    expect(currentNavHref("/atencion", areas)).toBe("/atencion");
    expect(currentNavHref("/atencion/casos/123", areas)).toBe("/atencion");
    expect(currentNavHref("/atencion/estadisticas", areas)).toBe("/atencion/estadisticas");
    expect(currentNavHref("/atencion/estadisticas/2026", areas)).toBe("/atencion/estadisticas");
    expect(currentNavHref("/admin/cuentas", areas)).toBe("/admin");
  });

  it("does not take a longer name for a page under the area", () => {
    expect(currentNavHref("/atencionx", areas)).toBeUndefined();
    expect(currentNavHref("/atencion/estadisticasx", areas)).toBe("/atencion");
    expect(currentNavHref("/", areas)).toBeUndefined();
  });

  const pages = [
    { href: "/direccion", label: "Firmas pendientes", paths: ["/direccion/casos"] },
    { href: "/direccion/delegaciones", label: "Delegaciones" },
  ];

  it("in a section nav, an item is its own page and the paths it lists, nothing else of the area", () => {
    expect(currentNavHref("/direccion", pages)).toBe("/direccion");
    expect(currentNavHref("/direccion/casos/9", pages)).toBe("/direccion");
    expect(currentNavHref("/direccion/delegaciones", pages)).toBe("/direccion/delegaciones");
    expect(currentNavHref("/direccion/delegaciones/nueva", pages)).toBeUndefined();
    expect(currentNavHref("/direccion/firmantes", pages)).toBeUndefined();
  });
});
