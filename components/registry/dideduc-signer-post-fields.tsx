"use client";

import { SelectField } from "@/components/admin/select-field";
import type { DideducType } from "@/lib/generated/prisma/enums";
import {
  allowedDideducSignerPosts,
  DIDEDUC_SIGNER_POST_LABELS,
  DIDEDUC_SIGNER_POSTS,
  GRAMMATICAL_GENDER_LABELS,
  GRAMMATICAL_GENDERS,
} from "@/lib/registry/dideduc-signer-posts";

// The post of a DIDEDUC signer and its form, for the administrator's registration and the
// director's notice: only the posts the DIDEDUC's type allows (decision 0014); all three until a
// DIDEDUC is chosen (the server refuses a post its type does not allow).
export function DideducSignerPostFields({
  dideducType,
  values,
  errors,
}: {
  dideducType: DideducType | null;
  values: { signerPost?: string; gender?: string };
  errors: { signerPost?: readonly string[]; gender?: readonly string[] };
}) {
  const posts = dideducType ? allowedDideducSignerPosts(dideducType) : DIDEDUC_SIGNER_POSTS;
  const hint = dideducType
    ? `Una Dirección Departamental de tipo ${dideducType} puede firmar por medio de: ${posts.map((p) => DIDEDUC_SIGNER_POST_LABELS[p]).join(" o ")}.`
    : "Director(a) o Subdirector(a) en las de tipo C; Director(a) o Jefe(a) del Departamento Técnico Pedagógico en las de tipo A y B.";
  return (
    <>
      <SelectField
        name="signerPost"
        label="Puesto del firmante"
        hint={hint}
        placeholder="Elija el puesto"
        options={posts.map((p) => ({ value: p, label: DIDEDUC_SIGNER_POST_LABELS[p] }))}
        defaultValue={values.signerPost ?? ""}
        key={`post-${dideducType ?? ""}-${values.signerPost ?? ""}`}
        errors={errors.signerPost}
      />
      <SelectField
        name="gender"
        label="Forma del puesto"
        hint="Como se imprime en la certificación: «Directora Departamental de Educación» o «Director Departamental de Educación»."
        placeholder="Elija la forma"
        options={GRAMMATICAL_GENDERS.map((g) => ({ value: g, label: GRAMMATICAL_GENDER_LABELS[g] }))}
        defaultValue={values.gender ?? ""}
        key={`gender-${values.gender ?? ""}`}
        errors={errors.gender}
      />
    </>
  );
}
