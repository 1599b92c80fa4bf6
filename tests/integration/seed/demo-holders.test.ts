import { describe, expect, it } from "vitest";
import { foldText } from "@/lib/registry/fold-text";
import { DEMO_ACCOUNTS, DEMO_CERTIFICATES } from "@/prisma/seed/demo-accounts";
import { REPLACED_DEMO_CASE, REVOKED_DEMO_CASE } from "@/prisma/seed/demo-cases-after-issuance";
import { DEMO_CASES } from "@/prisma/seed/demo-cases";
import { DIPLOMA_BEFORE_2005_DEMO_CASES } from "@/prisma/seed/demo-cases-diploma-before-2005";
import { DIPLOMA_FROM_2005_DEMO_CASES } from "@/prisma/seed/demo-cases-diploma-from-2005";
import { GRADUATION_RECORD_DEMO_CASES } from "@/prisma/seed/demo-cases-graduation-record";
import { SWORN_TRANSLATION_DEMO_CASES } from "@/prisma/seed/demo-cases-sworn-translation";
import { DIPLOMAS } from "@/prisma/seed/diplomas";

// Issue #12, point 10: "Keep the demo holders consistent (the same person has one birth date in every
// demo case)". Every person the demo data names (the holders of the demo cases of every procedure, the
// title registry's holders, the demo accounts and their certificates) is read from the seed's own
// definitions: a name is one person with at most one birth date and one CUI, and a CUI is one person
// written one way. The deliberately misspelt holder of the corrected re-issue demo ("Chaves") is a
// different string, and its correction is the holder's own spelling.

type TMention = { where: string; name: string; cui?: string; birthDate?: string };

const full = (p: { firstNames: string; lastNames: string }) => `${p.firstNames} ${p.lastNames}`;
const digits = (cui: string | undefined) => (cui ? cui.replace(/\D/g, "") : undefined);

function mentions(): TMention[] {
  const out: TMention[] = [];
  for (const d of DEMO_CASES) out.push({ where: `D.1.1 ${d.key}`, name: full(d.form.student), cui: d.form.student.cui, birthDate: d.form.student.birthDate });
  for (const d of DIPLOMA_BEFORE_2005_DEMO_CASES) out.push({ where: `D.2.1 ${d.key}`, name: full(d.form.student), cui: d.form.student.cui, birthDate: d.form.student.birthDate });
  for (const d of DIPLOMA_FROM_2005_DEMO_CASES) out.push({ where: `D.2.2 ${d.key}`, name: full(d.student), cui: d.student.cui, birthDate: d.student.birthDate });
  for (const d of GRADUATION_RECORD_DEMO_CASES) out.push({ where: `D.1.2 ${d.key}`, name: full(d.form.student), cui: d.form.student.cui, birthDate: d.form.student.birthDate });
  for (const d of SWORN_TRANSLATION_DEMO_CASES) out.push({ where: `D.3 ${d.key}`, name: d.holderName });
  out.push({ where: `D.3 ${REVOKED_DEMO_CASE.key}`, name: REVOKED_DEMO_CASE.holderName });
  out.push({ where: `D.3 ${REPLACED_DEMO_CASE.key} (corrected)`, name: REPLACED_DEMO_CASE.correctedHolderName });
  for (const d of DIPLOMAS) out.push({ where: `registro ${d.registrationNumber}`, name: d.holderName, cui: d.holderCui, birthDate: d.holderBirthDate });
  for (const a of DEMO_ACCOUNTS) out.push({ where: `cuenta ${a.email}`, name: a.name, cui: a.cui });
  for (const c of DEMO_CERTIFICATES) out.push({ where: `certificado ${c.key}`, name: c.holderName, cui: c.cui });
  return out.map((m) => ({ ...m, name: m.name.normalize("NFC").replace(/\s+/g, " ").trim(), cui: digits(m.cui) }));
}

function conflicts(key: (m: TMention) => string | undefined, value: (m: TMention) => string | undefined): string[] {
  const groups = new Map<string, TMention[]>();
  for (const m of mentions()) {
    const k = key(m);
    if (k) groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const out: string[] = [];
  for (const [k, ms] of groups) {
    const values = new Set(ms.map(value).filter((v): v is string => !!v));
    if (values.size > 1) out.push(`${k}: ${ms.filter((m) => value(m)).map((m) => `${value(m)} (${m.where})`).join(", ")}`);
  }
  return out;
}

describe("the demo data's people are the same people everywhere", () => {
  it("covers the holders of every procedure's demo cases and of the title registry", () => {
    const names = new Set(mentions().map((m) => m.name));
    for (const name of ["María José Ixcot Chávez", "Juan Pablo Sic Batz", "Rosa Amalia Sic Batz", "Carmen Lucía Ajanel Tuy"]) expect(names).toContain(name);
  });

  it("gives a person (by name) one birth date in every demo case and in the title registry", () => {
    expect(conflicts((m) => m.name, (m) => m.birthDate)).toEqual([]);
  });

  it("gives a person (by name) one CUI", () => {
    expect(conflicts((m) => m.name, (m) => m.cui)).toEqual([]);
  });

  it("writes the person of a CUI one way, accents included", () => {
    expect(conflicts((m) => m.cui, (m) => m.name)).toEqual([]);
  });

  it("never spells one name two ways (the same letters with and without accents)", () => {
    expect(conflicts((m) => foldText(m.name), (m) => m.name)).toEqual([]);
  });
});
