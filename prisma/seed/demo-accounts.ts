import path from "node:path";
import type { DideducSignerPost, GrammaticalGender, Role, SignerOffice } from "../../lib/generated/prisma/enums";
import { findSeedDideduc } from "./dideducs";

// Demo data only: these passwords and passphrases are public (README, start-up banner). A
// production install creates its own staff accounts and never runs this seed.

export const DEMO_EMAIL_DOMAIN = "demo.certifica.gt";

// Where the test PKI lives: root-ca.pem, root-ca.p12 and one <file>.p12 per certificate below.
export function resolvePkiDir(pkiDir = process.env.PKI_DIR): string {
  return path.resolve(process.cwd(), pkiDir?.trim() || ".data/pki");
}

export const ROOT_CA_FILES = { pem: "root-ca.pem", p12: "root-ca.p12" } as const;
// The root's key is kept only inside its PKCS#12, so the seed can issue new certificates later
// under the same root (signers are registered, and pdfsig trusts the root, by fingerprint).
export const ROOT_CA_PASSPHRASE = "Raiz-2026-Pruebas";

// The demo PKI's services (lib/pki/services: TSA, OCSP, CRL) as `npm start` runs them; the demo
// certificates name these addresses. PKI_SERVICES_URL overrides the whole base, PKI_SERVICES_PORT
// only the port.
export const DEFAULT_PKI_SERVICES_PORT = 3099;
export function defaultPkiServicesBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PKI_SERVICES_URL?.trim()) return env.PKI_SERVICES_URL.trim().replace(/\/+$/, "");
  return `http://127.0.0.1:${Number(env.PKI_SERVICES_PORT) || DEFAULT_PKI_SERVICES_PORT}`;
}

// The demo TSA's and OCSP responder's certificates, issued by the demo root. Their keys are only
// for the local services; the passphrases are public like the others.
export const DEMO_TSA = {
  file: "tsa.p12",
  // The same key, for `openssl ts -reply` (PEM only), encrypted with the same passphrase.
  keyFile: "tsa.key.pem",
  passphrase: "Sellado-2026-Pruebas",
  subject: {
    commonName: "Autoridad de Sellado de Tiempo de Pruebas Certifica",
    organizationalUnit: "Servicios de Confianza (pruebas)",
    organization: "Ministerio de Educación",
    country: "GT",
  },
} as const;
export const DEMO_OCSP_RESPONDER = {
  file: "ocsp-responder.p12",
  passphrase: "Respondedor-2026-Pruebas",
  subject: {
    commonName: "Respondedor OCSP de Pruebas Certifica",
    organizationalUnit: "Servicios de Confianza (pruebas)",
    organization: "Ministerio de Educación",
    country: "GT",
  },
} as const;
// The demo TSA's policy: an OID under the arc ITU-T/ISO reserve for examples (2.999), since a
// demo TSA follows no published policy.
export const DEMO_TSA_POLICY = "2.999.10.1";

export type TDemoCertificateStatus = "active" | "expired" | "revoked";

export type TDemoCertificate = {
  key: string;
  file: string;
  passphrase: string;
  holderName: string;
  cui: string;
  // As printed; for a DIDEDUC signer the form of `signerPost` for `gender` (dideducSignerPostTitle).
  post: string;
  office: SignerOffice;
  // DIDEDUC signers: the post their DIDEDUC's type allows (decision 0014) and its grammatical form.
  signerPost?: DideducSignerPost;
  gender?: GrammaticalGender;
  // Organizational unit in the certificate.
  unit: string;
  dideducCode?: string;
  // The login of the person who holds it; the archive officer has none.
  accountEmail?: string;
  status: TDemoCertificateStatus;
  revokedReason?: string;
  // Fixed id of its AuthorizedSigner row, so re-seeding updates that row instead of adding one.
  authorizedSignerId: string;
};

const email = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

const GN = "guatemala-norte";
const XELA = "quetzaltenango";
const CENTRAL_UNIT = "Departamento de Atención al Ciudadano (DISERSA)";

// The Guatemala Norte director: his current certificate, the expired one it replaced and a revoked
// one are all his, with the same holder, post and account.
const GN_DIRECTOR = {
  holderName: "José Antonio Pérez Gómez",
  cui: "5181909350103",
  post: "Director Departamental de Educación",
  office: "DIDEDUC",
  signerPost: "DIRECTOR",
  gender: "MASCULINE",
  unit: "Dirección Departamental de Educación de Guatemala Norte",
  dideducCode: GN,
  accountEmail: email("firmante.guatemala-norte"),
} as const satisfies Partial<TDemoCertificate>;

export const DEMO_CERTIFICATES: readonly TDemoCertificate[] = [
  {
    key: "signer-guatemala-norte",
    file: "signer-guatemala-norte.p12",
    passphrase: "Firma-2026-GuatemalaNorte",
    ...GN_DIRECTOR,
    status: "active",
    authorizedSignerId: "seed-signer-guatemala-norte",
  },
  {
    key: "signer-quetzaltenango",
    file: "signer-quetzaltenango.p12",
    passphrase: "Firma-2026-Quetzaltenango",
    holderName: "Héctor Rolando Xicará Monzón",
    cui: "7574911890909",
    post: "Jefe del Departamento Técnico Pedagógico",
    office: "DIDEDUC",
    signerPost: "JEFE_TECNICO_PEDAGOGICO",
    gender: "MASCULINE",
    unit: "Dirección Departamental de Educación de Quetzaltenango",
    dideducCode: XELA,
    accountEmail: email("firmante.quetzaltenango"),
    status: "active",
    authorizedSignerId: "seed-signer-quetzaltenango",
  },
  {
    key: "central-assistant",
    file: "central-assistant.p12",
    passphrase: "Firma-2026-Asistente",
    holderName: "Karla Beatriz Orellana Saquic",
    cui: "6252760190101",
    post: "Asistente de Atención al Ciudadano",
    office: "CENTRAL",
    unit: CENTRAL_UNIT,
    accountEmail: email("asistente.central"),
    status: "active",
    authorizedSignerId: "seed-signer-central-assistant",
  },
  {
    key: "central-coordinator",
    file: "central-coordinator.p12",
    passphrase: "Firma-2026-Coordinacion",
    holderName: "Sofía Alejandra Barrios Ordóñez",
    cui: "7114710450102",
    post: "Coordinadora de Atención al Ciudadano",
    office: "CENTRAL",
    unit: CENTRAL_UNIT,
    accountEmail: email("coordinadora.central"),
    status: "active",
    authorizedSignerId: "seed-signer-central-coordinator",
  },
  {
    // Signs the 1974–1996 graduation records a citizen uploads in D.1.2; has no login.
    key: "archive-officer",
    file: "archive-officer.p12",
    passphrase: "Firma-2026-Archivo",
    holderName: "Marta Julia Estrada Castillo",
    cui: "3667127640101",
    post: "Encargada del Archivo Documental",
    office: "ARCHIVE",
    unit: "Archivo Documental",
    status: "active",
    authorizedSignerId: "seed-signer-archive-officer",
  },
  {
    // The Guatemala Norte director's previous certificate: registered, but expired.
    key: "expired-signer",
    file: "expired-signer.p12",
    passphrase: "Firma-2026-Vencido",
    ...GN_DIRECTOR,
    status: "expired",
    authorizedSignerId: "seed-signer-expired",
  },
  {
    // A certificate of the same director, within its dates but revoked in the registry.
    key: "revoked-signer",
    file: "revoked-signer.p12",
    passphrase: "Firma-2026-Revocado",
    ...GN_DIRECTOR,
    status: "revoked",
    revokedReason: "Extravío del dispositivo que resguardaba el certificado (notificado por la DIDEDUC)",
    authorizedSignerId: "seed-signer-revoked",
  },
];

export type TDemoAccount = {
  key: string;
  roles: Role[];
  roleLabel: string;
  name: string;
  email: string;
  password: string;
  cui: string;
  phone: string;
  dideducCode?: string;
  // DIDEDUC name, for display.
  dideduc?: string;
  post?: string;
  // Key of its signing certificate in DEMO_CERTIFICATES.
  certificateKey?: string;
  // File name of its PKCS#12 inside the PKI dir (see demoPkcs12Path), and that file's path under
  // the PKI dir in use when this module loaded (for printing).
  pkcs12File?: string;
  pkcs12?: string;
  pkcs12Passphrase?: string;
  note?: string;
};

type TDemoAccountInput = Omit<TDemoAccount, "pkcs12" | "pkcs12File" | "pkcs12Passphrase">;

const ACCOUNTS: TDemoAccountInput[] = [
  {
    key: "citizen",
    roles: ["CITIZEN"],
    roleLabel: "Usuario (ciudadana)",
    name: "María José Ixcot Chávez",
    email: email("ciudadana"),
    password: "Ciudadana2026",
    cui: "5260181510901",
    phone: "5512-3478",
    note: "Su título 2015 está en el registro de títulos (D-2015-018734)",
  },
  {
    key: "citizen-2",
    roles: ["CITIZEN"],
    roleLabel: "Usuario (ciudadano)",
    name: "Juan Pablo Sic Batz",
    email: email("ciudadano"),
    password: "Ciudadano2026",
    cui: "9083016690101",
    phone: "4478-2106",
  },
  {
    key: "translator",
    roles: ["TRANSLATOR"],
    roleLabel: "Traductor jurado (aún sin registrar)",
    name: "Diego Alejandro Rodríguez Sánchez",
    email: email("traductor"),
    password: "Traductor2026",
    cui: "1318609170108",
    phone: "3021-5567",
    note: "Puede presentar su registro de traductor jurado (D.4)",
  },
  {
    key: "registered-translator",
    roles: ["TRANSLATOR"],
    roleLabel: "Traductora jurada registrada",
    name: "Ana Lucía Méndez Ruiz",
    email: email("traductora"),
    password: "Traductora2026",
    cui: "3909960330101",
    phone: "5790-1234",
    note: "Registrada para inglés y francés (D.3)",
  },
  {
    key: "reviewer-guatemala-norte",
    roles: ["DIDEDUC_REVIEWER"],
    roleLabel: "Revisión DIDEDUC",
    name: "Lucía Fernanda Xitumul Pérez",
    email: email("revisora.guatemala-norte"),
    password: "RevisaNorte2026",
    cui: "9482199390101",
    phone: "2254-3101",
    dideducCode: GN,
    post: "Técnica del Departamento Técnico Pedagógico",
  },
  {
    key: "signer-guatemala-norte",
    roles: ["DIDEDUC_SIGNER"],
    roleLabel: "Firma DIDEDUC",
    name: "José Antonio Pérez Gómez",
    email: email("firmante.guatemala-norte"),
    password: "FirmaNorte2026",
    cui: "5181909350103",
    phone: "2254-3100",
    dideducCode: GN,
    post: "Director Departamental",
    certificateKey: "signer-guatemala-norte",
    note: "También tiene expired-signer.p12 (vencido) y revoked-signer.p12 (revocado) para pruebas",
  },
  {
    key: "delegate-guatemala-norte",
    roles: [],
    roleLabel: "Personal DIDEDUC con delegación de revisión",
    name: "Andrés Estuardo Tumax Chávez",
    email: email("delegado.guatemala-norte"),
    password: "DelegaNorte2026",
    cui: "7865797570117",
    phone: "2254-3105",
    dideducCode: GN,
    post: "Analista del Departamento Técnico Pedagógico",
    note: "Revisor por delegación del Director durante el mes en curso",
  },
  {
    // Staff of the office outside the Departamento Técnico Pedagógico, with no role and no
    // delegation: the one the Director can delegate the review to from /direccion/delegaciones.
    key: "staff-guatemala-norte",
    roles: [],
    roleLabel: "Personal DIDEDUC sin rol ni delegación",
    name: "Claudia Marisol Sincal Ordóñez",
    email: email("personal.guatemala-norte"),
    password: "PersonalNorte2026",
    cui: "4187352630101",
    phone: "2254-3107",
    dideducCode: GN,
    post: "Asistente de la Dirección Departamental",
    note: "El Director puede delegarle la revisión desde /direccion/delegaciones",
  },
  {
    key: "reviewer-quetzaltenango",
    roles: ["DIDEDUC_REVIEWER"],
    roleLabel: "Revisión DIDEDUC",
    name: "Rosa Elena Coyoy Tzul",
    email: email("revisora.quetzaltenango"),
    password: "RevisaXela2026",
    cui: "4323194840901",
    phone: "7761-2451",
    dideducCode: XELA,
    post: "Técnica del Departamento Técnico Pedagógico",
  },
  {
    key: "signer-quetzaltenango",
    roles: ["DIDEDUC_SIGNER"],
    roleLabel: "Firma DIDEDUC",
    name: "Héctor Rolando Xicará Monzón",
    email: email("firmante.quetzaltenango"),
    password: "FirmaXela2026",
    cui: "7574911890909",
    phone: "7761-2450",
    dideducCode: XELA,
    post: "Jefe del Departamento Técnico Pedagógico",
    certificateKey: "signer-quetzaltenango",
  },
  {
    key: "central-assistant",
    roles: ["CENTRAL_ASSISTANT"],
    roleLabel: "Asistente de Atención al Ciudadano",
    name: "Karla Beatriz Orellana Saquic",
    email: email("asistente.central"),
    password: "Asistente2026",
    cui: "6252760190101",
    phone: "2411-9595",
    post: "Asistente de Atención al Ciudadano",
    certificateKey: "central-assistant",
  },
  {
    key: "central-coordinator",
    roles: ["CENTRAL_COORDINATOR"],
    roleLabel: "Coordinación de Atención al Ciudadano",
    name: "Sofía Alejandra Barrios Ordóñez",
    email: email("coordinadora.central"),
    password: "Coordina2026",
    cui: "7114710450102",
    phone: "2411-9596",
    post: "Coordinadora de Atención al Ciudadano",
    certificateKey: "central-coordinator",
  },
  {
    key: "central-manager",
    roles: ["CENTRAL_MANAGER"],
    roleLabel: "Encargado de Atención al Ciudadano",
    name: "Luis Fernando Cabrera Ávila",
    email: email("encargado.central"),
    password: "Encargado2026",
    cui: "9746507570101",
    phone: "2411-9597",
    post: "Encargado de Atención al Ciudadano",
  },
  {
    key: "admin",
    roles: ["ADMIN"],
    roleLabel: "Administración del sistema",
    name: "Óscar René Monterroso Díaz",
    email: email("admin"),
    password: "Administra2026",
    cui: "2917034290101",
    phone: "2411-9500",
    post: "Administrador del sistema",
  },
];

const pkiDirAtLoad = path.relative(process.cwd(), resolvePkiDir()) || ".";

export const DEMO_ACCOUNTS: readonly TDemoAccount[] = ACCOUNTS.map((a) => {
  const cert = a.certificateKey ? DEMO_CERTIFICATES.find((c) => c.key === a.certificateKey) : undefined;
  if (a.certificateKey && !cert) throw new Error(`Certificado de demostración desconocido: ${a.certificateKey}`);
  const withDideduc = a.dideducCode ? { ...a, dideduc: findSeedDideduc(a.dideducCode).name } : a;
  return cert
    ? { ...withDideduc, pkcs12File: cert.file, pkcs12: path.join(pkiDirAtLoad, cert.file), pkcs12Passphrase: cert.passphrase }
    : withDideduc;
});

// Absolute path of a demo certificate's PKCS#12 (by its key, e.g. "expired-signer"), resolving
// PKI_DIR now: tests and e2e fixtures may set it after this module loaded.
export function demoPkcs12Path(certificateKey: string, pkiDir?: string): string {
  const cert = DEMO_CERTIFICATES.find((c) => c.key === certificateKey);
  if (!cert) throw new Error(`Certificado de demostración desconocido: ${certificateKey}`);
  return path.join(resolvePkiDir(pkiDir), cert.file);
}

// The registered sworn translator's registry entry (D.4 already accepted).
export const DEMO_SWORN_TRANSLATOR = {
  accountEmail: email("traductora"),
  name: "Ana Lucía Méndez Ruiz",
  // "Forma de trato" as she answered it in her registration: traductora jurada.
  gender: "FEMININE",
  languages: ["inglés", "francés"],
  appointmentResolution: "Acuerdo Ministerial 2418-2019",
  dideducRegistrationNumber: "TJ-GN-0042",
  dideducCode: GN,
  registeredAt: new Date("2019-10-14T16:00:00Z"),
} as const;

// The Guatemala Norte director delegates reviewing to an analyst for the current month.
export const DEMO_DELEGATION = {
  id: "seed-delegation-guatemala-norte",
  dideducCode: GN,
  grantorEmail: email("firmante.guatemala-norte"),
  delegateEmail: email("delegado.guatemala-norte"),
  role: "DIDEDUC_REVIEWER" as Role,
  note: "Delegación por carga de trabajo del Departamento Técnico Pedagógico (dato de demostración)",
} as const;

// Nota 3: one DIDEDUC notice of a new signer waiting for Atención al Ciudadano, so
// /atencion/firmantes is not empty in the demo. Quetzaltenango's Director notifies a Directora with
// a demo certificate registered for the central office only (its public .cert.pem in the demo PKI).
export const DEMO_SIGNER_CHANGE = {
  id: "seed-signer-change-quetzaltenango",
  dideducCode: XELA,
  requestedByEmail: email("firmante.quetzaltenango"),
  certificateKey: "central-assistant",
  signerPost: "DIRECTOR",
  gender: "FEMININE",
  note: "Demostración: nombramiento de la nueva Directora Departamental (la notificación espera la revisión de Atención al Ciudadano).",
} as const;
