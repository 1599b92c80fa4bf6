// Who may sign for a DIDEDUC, by its type (decision 0014). Client-safe: the admin's and the
// director's forms read it to offer only the allowed posts; the registration, the change requests
// and the signing check read it to refuse the others.
//
// Procedure, D.1.1 / D.2.1: "Genera certificación electrónica y se traslada a firma electrónica
// avanzada del Director o Subdirector (Jefe para las tipo A y B)", and Nota 1: "Las departamentales
// que no cuenten con la figura de Subdirección por el tipo, podrá realizarlo también el Jefe del
// Departamento Técnico Pedagógico". Read as: the Director always; in a type C DIDEDUC (which has a
// Subdirección) the Subdirector; in types A and B (which do not) the Jefe del Departamento Técnico
// Pedagógico instead.
import type { DideducSignerPost, DideducType, GrammaticalGender } from "@/lib/generated/prisma/enums";

export const DIDEDUC_SIGNER_POSTS = ["DIRECTOR", "SUBDIRECTOR", "JEFE_TECNICO_PEDAGOGICO"] as const satisfies readonly DideducSignerPost[];
export const GRAMMATICAL_GENDERS = ["FEMININE", "MASCULINE"] as const satisfies readonly GrammaticalGender[];

export const DIDEDUC_SIGNER_POSTS_BY_TYPE: Readonly<Record<DideducType, readonly DideducSignerPost[]>> = {
  A: ["DIRECTOR", "JEFE_TECNICO_PEDAGOGICO"],
  B: ["DIRECTOR", "JEFE_TECNICO_PEDAGOGICO"],
  C: ["DIRECTOR", "SUBDIRECTOR"],
};

export function allowedDideducSignerPosts(type: DideducType): readonly DideducSignerPost[] {
  return DIDEDUC_SIGNER_POSTS_BY_TYPE[type];
}

export function isDideducSignerPostAllowed(type: DideducType, post: DideducSignerPost | null | undefined): boolean {
  return post != null && DIDEDUC_SIGNER_POSTS_BY_TYPE[type].includes(post);
}

// Who signs (and delegates the review) for a DIDEDUC, in running text where the DIDEDUC's type is
// not at hand: every post the map allows for some type, so the Jefe(a) del Departamento Técnico
// Pedagógico of types A and B is not left out (issue #12).
const SHORT_POST_LABELS: Record<DideducSignerPost, string> = {
  DIRECTOR: "Director(a)",
  SUBDIRECTOR: "Subdirector(a)",
  JEFE_TECNICO_PEDAGOGICO: "Jefe(a) del Departamento Técnico Pedagógico",
};
const ANY_TYPE_POSTS = DIDEDUC_SIGNER_POSTS.filter((p) => Object.values(DIDEDUC_SIGNER_POSTS_BY_TYPE).some((posts) => posts.includes(p))).map(
  (p) => SHORT_POST_LABELS[p],
);
// "quien firma por la Dirección Departamental (Director(a), Subdirector(a) o Jefe(a) del Departamento Técnico Pedagógico)"
export const DIDEDUC_SIGNER_WHO = `quien firma por la Dirección Departamental (${ANY_TYPE_POSTS.slice(0, -1).join(", ")} o ${ANY_TYPE_POSTS.at(-1)})`;

// The post as printed for the person: agreed with their gender, or "Director(a)" when not given.
const POST_FORMS: Record<DideducSignerPost, { FEMININE: string; MASCULINE: string; UNKNOWN: string }> = {
  DIRECTOR: {
    FEMININE: "Directora Departamental de Educación",
    MASCULINE: "Director Departamental de Educación",
    UNKNOWN: "Director(a) Departamental de Educación",
  },
  SUBDIRECTOR: {
    FEMININE: "Subdirectora Departamental de Educación",
    MASCULINE: "Subdirector Departamental de Educación",
    UNKNOWN: "Subdirector(a) Departamental de Educación",
  },
  JEFE_TECNICO_PEDAGOGICO: {
    FEMININE: "Jefa del Departamento Técnico Pedagógico",
    MASCULINE: "Jefe del Departamento Técnico Pedagógico",
    UNKNOWN: "Jefe(a) del Departamento Técnico Pedagógico",
  },
};

export function dideducSignerPostTitle(post: DideducSignerPost, gender: GrammaticalGender | null | undefined): string {
  return POST_FORMS[post][gender ?? "UNKNOWN"];
}

// For a select: "Director(a) Departamental de Educación".
export const DIDEDUC_SIGNER_POST_LABELS: Record<DideducSignerPost, string> = {
  DIRECTOR: POST_FORMS.DIRECTOR.UNKNOWN,
  SUBDIRECTOR: POST_FORMS.SUBDIRECTOR.UNKNOWN,
  JEFE_TECNICO_PEDAGOGICO: POST_FORMS.JEFE_TECNICO_PEDAGOGICO.UNKNOWN,
};

export const GRAMMATICAL_GENDER_LABELS: Record<GrammaticalGender, string> = {
  FEMININE: "Femenino (Directora, Subdirectora, Jefa)",
  MASCULINE: "Masculino (Director, Subdirector, Jefe)",
};

// What the sheet prints in the DIDEDUC's signer line when it is generated before the signer is
// known (more than one person registered): every post that may sign for that type, never fewer —
// the signature itself names the person and their post. Without the type, all three.
export function dideducSignerPostsCaption(type: DideducType | null | undefined): string {
  const posts = type ? DIDEDUC_SIGNER_POSTS_BY_TYPE[type] : DIDEDUC_SIGNER_POSTS;
  const labels = posts.map((p) => DIDEDUC_SIGNER_POST_LABELS[p]);
  if (labels.length === 2 && posts.includes("SUBDIRECTOR") && posts.includes("DIRECTOR")) {
    return "Director(a) o Subdirector(a) Departamental de Educación";
  }
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} o ${labels.at(-1)}`;
}

export function dideducTypeRefusal(type: DideducType, post: DideducSignerPost | null | undefined): string {
  const allowed = DIDEDUC_SIGNER_POSTS_BY_TYPE[type].map((p) => DIDEDUC_SIGNER_POST_LABELS[p]).join(" o ");
  const what = post ? `El puesto ${DIDEDUC_SIGNER_POST_LABELS[post]}` : "Un registro sin puesto reconocido";
  return `${what} no puede firmar por una Dirección Departamental de tipo ${type}: solo ${allowed}.`;
}
