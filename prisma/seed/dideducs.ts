import type { DideducType } from "../../lib/generated/prisma/enums";

// The 26 Direcciones Departamentales de Educación. Names are the official ones; types,
// addresses, phones, e-mails and supervision offices are demonstration placeholders (in the
// department's capital, `isPlaceholder: true`) that an administrator replaces with real data.

export type TSeedSupervision = { name: string; phone: string; address: string };

export type TSeedDideduc = {
  code: string;
  name: string;
  type: DideducType;
  address: string;
  phone: string;
  email: string;
  supervisions: TSeedSupervision[];
};

const mail = (code: string) => `dideduc.${code}@demo.certifica.gt`;

type TRow = Omit<TSeedDideduc, "email">;

const ROWS: TRow[] = [
  {
    code: "alta-verapaz",
    name: "Alta Verapaz",
    type: "A",
    address: "1a. Calle 5-20, zona 1, Cobán, Alta Verapaz",
    phone: "7951-1234",
    supervisions: [
      { name: "Supervisión Educativa de Cobán", phone: "7951-2210", address: "2a. Avenida 3-15, zona 2, Cobán, Alta Verapaz" },
      { name: "Supervisión Educativa de San Pedro Carchá", phone: "7950-0412", address: "4a. Calle 1-30, zona 1, San Pedro Carchá, Alta Verapaz" },
      { name: "Supervisión Educativa de Chisec", phone: "7983-0150", address: "Barrio El Centro, Chisec, Alta Verapaz" },
    ],
  },
  {
    code: "baja-verapaz",
    name: "Baja Verapaz",
    type: "C",
    address: "5a. Avenida 6-12, zona 1, Salamá, Baja Verapaz",
    phone: "7940-0321",
    supervisions: [
      { name: "Supervisión Educativa de Salamá", phone: "7940-1102", address: "6a. Calle 4-18, zona 1, Salamá, Baja Verapaz" },
      { name: "Supervisión Educativa de Rabinal", phone: "7938-8120", address: "Barrio San Pedro, Rabinal, Baja Verapaz" },
    ],
  },
  {
    code: "chimaltenango",
    name: "Chimaltenango",
    type: "B",
    address: "2a. Avenida 3-40, zona 2, Chimaltenango",
    phone: "7839-1450",
    supervisions: [
      { name: "Supervisión Educativa de Chimaltenango", phone: "7839-1462", address: "3a. Calle 2-25, zona 1, Chimaltenango" },
      { name: "Supervisión Educativa de Tecpán Guatemala", phone: "7840-3110", address: "1a. Avenida 2-08, zona 1, Tecpán Guatemala, Chimaltenango" },
    ],
  },
  {
    code: "chiquimula",
    name: "Chiquimula",
    type: "B",
    address: "8a. Avenida 4-35, zona 1, Chiquimula",
    phone: "7942-0540",
    supervisions: [
      { name: "Supervisión Educativa de Chiquimula", phone: "7942-0561", address: "7a. Calle 9-20, zona 1, Chiquimula" },
      { name: "Supervisión Educativa de Esquipulas", phone: "7943-1220", address: "3a. Avenida 8-40, zona 1, Esquipulas, Chiquimula" },
    ],
  },
  {
    code: "el-progreso",
    name: "El Progreso",
    type: "C",
    address: "Barrio El Centro, Guastatoya, El Progreso",
    phone: "7945-1180",
    supervisions: [
      { name: "Supervisión Educativa de Guastatoya", phone: "7945-1195", address: "Barrio El Porvenir, Guastatoya, El Progreso" },
      { name: "Supervisión Educativa de Sanarate", phone: "7945-9030", address: "4a. Calle 2-15, zona 1, Sanarate, El Progreso" },
    ],
  },
  {
    code: "escuintla",
    name: "Escuintla",
    type: "A",
    address: "3a. Avenida 5-60, zona 1, Escuintla",
    phone: "7888-0470",
    supervisions: [
      { name: "Supervisión Educativa de Escuintla", phone: "7888-0482", address: "6a. Calle 3-30, zona 1, Escuintla" },
      { name: "Supervisión Educativa de Santa Lucía Cotzumalguapa", phone: "7882-5210", address: "2a. Avenida 4-12, zona 1, Santa Lucía Cotzumalguapa, Escuintla" },
      { name: "Supervisión Educativa de Puerto San José", phone: "7881-1340", address: "Avenida El Comercio, Puerto San José, Escuintla" },
    ],
  },
  {
    code: "guatemala-norte",
    name: "Guatemala Norte",
    type: "A",
    address: "12 Avenida 1-18, zona 6, Ciudad de Guatemala",
    phone: "2254-3100",
    supervisions: [
      { name: "Supervisión Educativa de la zona 6", phone: "2254-3120", address: "15 Calle 10-40, zona 6, Ciudad de Guatemala" },
      { name: "Supervisión Educativa de la zona 18", phone: "2256-7810", address: "Colonia Lavarreda, 3a. Calle 5-21, zona 18, Ciudad de Guatemala" },
      { name: "Supervisión Educativa de Chinautla", phone: "2287-4120", address: "Barrio El Centro, Chinautla, Guatemala" },
    ],
  },
  {
    code: "guatemala-sur",
    name: "Guatemala Sur",
    type: "A",
    address: "6a. Avenida 4-20, zona 1, Villa Nueva, Guatemala",
    phone: "6630-4150",
    supervisions: [
      { name: "Supervisión Educativa de Villa Nueva", phone: "6631-2200", address: "5a. Calle 3-45, zona 1, Villa Nueva, Guatemala" },
      { name: "Supervisión Educativa de Amatitlán", phone: "6633-0410", address: "2a. Avenida 6-10, zona 1, Amatitlán, Guatemala" },
      { name: "Supervisión Educativa de San Miguel Petapa", phone: "6637-1880", address: "1a. Calle 4-02, zona 1, San Miguel Petapa, Guatemala" },
    ],
  },
  {
    code: "guatemala-oriente",
    name: "Guatemala Oriente",
    type: "A",
    address: "Boulevard Vista Hermosa 18-10, zona 15, Ciudad de Guatemala",
    phone: "2369-5120",
    supervisions: [
      { name: "Supervisión Educativa de la zona 15", phone: "2369-5135", address: "13 Calle 17-20, zona 15, Ciudad de Guatemala" },
      { name: "Supervisión Educativa de Santa Catarina Pinula", phone: "6641-2280", address: "3a. Avenida 2-15, zona 1, Santa Catarina Pinula, Guatemala" },
      { name: "Supervisión Educativa de Fraijanes", phone: "6634-1560", address: "Kilómetro 19.5 carretera a Fraijanes, Fraijanes, Guatemala" },
    ],
  },
  {
    code: "guatemala-occidente",
    name: "Guatemala Occidente",
    type: "A",
    address: "5a. Calle 4-80, zona 1, Mixco, Guatemala",
    phone: "2434-1210",
    supervisions: [
      { name: "Supervisión Educativa de Mixco", phone: "2434-1260", address: "6a. Avenida 3-12, zona 1, Mixco, Guatemala" },
      { name: "Supervisión Educativa de San Juan Sacatepéquez", phone: "6637-3140", address: "2a. Calle 1-50, zona 1, San Juan Sacatepéquez, Guatemala" },
    ],
  },
  {
    code: "huehuetenango",
    name: "Huehuetenango",
    type: "A",
    address: "4a. Calle 6-50, zona 1, Huehuetenango",
    phone: "7764-1350",
    supervisions: [
      { name: "Supervisión Educativa de Huehuetenango", phone: "7764-1372", address: "5a. Avenida 3-18, zona 1, Huehuetenango" },
      { name: "Supervisión Educativa de Chiantla", phone: "7764-2280", address: "Barrio El Centro, Chiantla, Huehuetenango" },
      { name: "Supervisión Educativa de Jacaltenango", phone: "7758-1140", address: "Zona 1, Jacaltenango, Huehuetenango" },
    ],
  },
  {
    code: "izabal",
    name: "Izabal",
    type: "B",
    address: "7a. Calle entre 6a. y 7a. Avenida, Puerto Barrios, Izabal",
    phone: "7948-0620",
    supervisions: [
      { name: "Supervisión Educativa de Puerto Barrios", phone: "7948-0645", address: "9a. Calle y 5a. Avenida, Puerto Barrios, Izabal" },
      { name: "Supervisión Educativa de Morales", phone: "7947-8110", address: "Barrio El Centro, Morales, Izabal" },
      { name: "Supervisión Educativa de Livingston", phone: "7947-0310", address: "Calle Principal, Livingston, Izabal" },
    ],
  },
  {
    code: "jalapa",
    name: "Jalapa",
    type: "C",
    address: "Calle Tránsito Rojas 3-25, zona 1, Jalapa",
    phone: "7922-4150",
    supervisions: [
      { name: "Supervisión Educativa de Jalapa", phone: "7922-4172", address: "1a. Avenida 2-40, zona 1, Jalapa" },
      { name: "Supervisión Educativa de Monjas", phone: "7923-1140", address: "Barrio El Centro, Monjas, Jalapa" },
    ],
  },
  {
    code: "jutiapa",
    name: "Jutiapa",
    type: "B",
    address: "5a. Calle 4-12, zona 1, Jutiapa",
    phone: "7844-1180",
    supervisions: [
      { name: "Supervisión Educativa de Jutiapa", phone: "7844-1195", address: "3a. Avenida 5-30, zona 1, Jutiapa" },
      { name: "Supervisión Educativa de Asunción Mita", phone: "7841-6120", address: "Barrio El Centro, Asunción Mita, Jutiapa" },
    ],
  },
  {
    code: "peten",
    name: "Petén",
    type: "B",
    address: "Calle Centroamérica, Flores, Petén",
    phone: "7926-0350",
    supervisions: [
      { name: "Supervisión Educativa de Flores", phone: "7926-0371", address: "Avenida Santa Ana, Flores, Petén" },
      { name: "Supervisión Educativa de Poptún", phone: "7927-7210", address: "Barrio El Centro, Poptún, Petén" },
      { name: "Supervisión Educativa de Sayaxché", phone: "7928-6140", address: "Calle Principal, Sayaxché, Petén" },
    ],
  },
  {
    code: "quetzaltenango",
    name: "Quetzaltenango",
    type: "A",
    address: "4a. Calle 11-38, zona 1, Quetzaltenango",
    phone: "7761-2450",
    supervisions: [
      { name: "Supervisión Educativa de Quetzaltenango", phone: "7761-2480", address: "12 Avenida 5-20, zona 1, Quetzaltenango" },
      { name: "Supervisión Educativa de Coatepeque", phone: "7775-1230", address: "4a. Calle 5-15, zona 1, Coatepeque, Quetzaltenango" },
      { name: "Supervisión Educativa de San Juan Ostuncalco", phone: "7763-8140", address: "Barrio El Centro, San Juan Ostuncalco, Quetzaltenango" },
    ],
  },
  {
    code: "quiche",
    name: "Quiché",
    type: "A",
    address: "3a. Avenida 2-30, zona 1, Santa Cruz del Quiché, Quiché",
    phone: "7755-1160",
    supervisions: [
      { name: "Supervisión Educativa de Santa Cruz del Quiché", phone: "7755-1182", address: "1a. Calle 4-10, zona 1, Santa Cruz del Quiché, Quiché" },
      { name: "Supervisión Educativa de Chichicastenango", phone: "7756-1420", address: "5a. Avenida 6-22, zona 1, Chichicastenango, Quiché" },
      { name: "Supervisión Educativa de Joyabaj", phone: "7755-2310", address: "Barrio El Centro, Joyabaj, Quiché" },
    ],
  },
  {
    code: "quiche-norte",
    name: "Quiché Norte",
    type: "C",
    address: "Cantón Vitzal, Santa María Nebaj, Quiché",
    phone: "7755-8240",
    supervisions: [
      { name: "Supervisión Educativa de Santa María Nebaj", phone: "7755-8250", address: "Calle Principal, Santa María Nebaj, Quiché" },
      { name: "Supervisión Educativa de San Gaspar Chajul", phone: "7755-8310", address: "Barrio El Centro, San Gaspar Chajul, Quiché" },
      { name: "Supervisión Educativa de San Juan Cotzal", phone: "7755-8420", address: "Zona 1, San Juan Cotzal, Quiché" },
    ],
  },
  {
    code: "retalhuleu",
    name: "Retalhuleu",
    type: "B",
    address: "6a. Avenida 5-40, zona 1, Retalhuleu",
    phone: "7771-0380",
    supervisions: [
      { name: "Supervisión Educativa de Retalhuleu", phone: "7771-0395", address: "5a. Calle 4-12, zona 1, Retalhuleu" },
      { name: "Supervisión Educativa de Champerico", phone: "7773-7210", address: "Avenida del Ferrocarril, Champerico, Retalhuleu" },
    ],
  },
  {
    code: "sacatepequez",
    name: "Sacatepéquez",
    type: "B",
    address: "4a. Calle Oriente 12, Antigua Guatemala, Sacatepéquez",
    phone: "7832-0640",
    supervisions: [
      { name: "Supervisión Educativa de Antigua Guatemala", phone: "7832-0655", address: "6a. Avenida Norte 20, Antigua Guatemala, Sacatepéquez" },
      { name: "Supervisión Educativa de Sumpango", phone: "7833-1150", address: "Barrio El Centro, Sumpango, Sacatepéquez" },
    ],
  },
  {
    code: "san-marcos",
    name: "San Marcos",
    type: "A",
    address: "9a. Calle 6-25, zona 1, San Marcos",
    phone: "7760-1420",
    supervisions: [
      { name: "Supervisión Educativa de San Marcos", phone: "7760-1441", address: "8a. Avenida 9-10, zona 1, San Marcos" },
      { name: "Supervisión Educativa de San Pedro Sacatepéquez", phone: "7760-3180", address: "5a. Calle 4-30, zona 1, San Pedro Sacatepéquez, San Marcos" },
      { name: "Supervisión Educativa de Malacatán", phone: "7776-9140", address: "Barrio El Centro, Malacatán, San Marcos" },
    ],
  },
  {
    code: "santa-rosa",
    name: "Santa Rosa",
    type: "B",
    address: "2a. Calle 3-15, zona 1, Cuilapa, Santa Rosa",
    phone: "7886-5140",
    supervisions: [
      { name: "Supervisión Educativa de Cuilapa", phone: "7886-5162", address: "1a. Avenida 2-20, zona 1, Cuilapa, Santa Rosa" },
      { name: "Supervisión Educativa de Chiquimulilla", phone: "7885-0220", address: "Barrio El Centro, Chiquimulilla, Santa Rosa" },
    ],
  },
  {
    code: "solola",
    name: "Sololá",
    type: "B",
    address: "7a. Avenida 8-72, zona 2, Sololá",
    phone: "7762-3050",
    supervisions: [
      { name: "Supervisión Educativa de Sololá", phone: "7762-3071", address: "6a. Calle 7-15, zona 2, Sololá" },
      { name: "Supervisión Educativa de Panajachel", phone: "7762-1320", address: "Calle Principal, Panajachel, Sololá" },
      { name: "Supervisión Educativa de Santiago Atitlán", phone: "7721-7140", address: "Cantón Tzanjuyú, Santiago Atitlán, Sololá" },
    ],
  },
  {
    code: "suchitepequez",
    name: "Suchitepéquez",
    type: "B",
    address: "1a. Calle 2-50, zona 1, Mazatenango, Suchitepéquez",
    phone: "7872-0430",
    supervisions: [
      { name: "Supervisión Educativa de Mazatenango", phone: "7872-0452", address: "3a. Avenida 1-20, zona 1, Mazatenango, Suchitepéquez" },
      { name: "Supervisión Educativa de Chicacao", phone: "7875-1130", address: "Barrio El Centro, Chicacao, Suchitepéquez" },
    ],
  },
  {
    code: "totonicapan",
    name: "Totonicapán",
    type: "B",
    address: "7a. Avenida 5-12, zona 1, Totonicapán",
    phone: "7766-1210",
    supervisions: [
      { name: "Supervisión Educativa de Totonicapán", phone: "7766-1232", address: "8a. Avenida 4-25, zona 1, Totonicapán" },
      { name: "Supervisión Educativa de Momostenango", phone: "7736-5120", address: "Barrio Santa Catarina, Momostenango, Totonicapán" },
    ],
  },
  {
    code: "zacapa",
    name: "Zacapa",
    type: "C",
    address: "4a. Calle 14-32, zona 1, Zacapa",
    phone: "7941-0870",
    supervisions: [
      { name: "Supervisión Educativa de Zacapa", phone: "7941-0891", address: "5a. Avenida 13-20, zona 1, Zacapa" },
      { name: "Supervisión Educativa de Gualán", phone: "7933-1150", address: "Barrio El Centro, Gualán, Zacapa" },
      { name: "Supervisión Educativa de Teculután", phone: "7934-0220", address: "Calle Principal, Teculután, Zacapa" },
    ],
  },
];

export const DIDEDUCS: readonly TSeedDideduc[] = ROWS.map((r) => ({ ...r, email: mail(r.code) }));

export function findSeedDideduc(code: string): TSeedDideduc {
  const found = DIDEDUCS.find((d) => d.code === code);
  if (!found) throw new Error(`DIDEDUC desconocida en los datos de demostración: ${code}`);
  return found;
}
