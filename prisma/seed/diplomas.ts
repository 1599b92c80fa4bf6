// Títulos de diversificado (2005 onwards) in the registry D.2.2 looks up. Demonstration data:
// invented holders and registration numbers, real-sounding degrees and schools.
export type TSeedDiploma = {
  registrationNumber: string;
  holderName: string;
  degree: string;
  school: string;
  year: number;
  dideducCode: string;
  // Who signed it; absent = the DIDEDUC. The others follow ATE-INS-04: D.2.2 stops them.
  signedBy?: "REGIONAL_DIRECTOR" | "MINISTER";
  // What D.2.2's lookup asks besides the number (either one shows the record): the demo citizens'
  // own CUIs for their titles (prisma/seed/demo-accounts.ts), invented ones for the rest.
  holderCui?: string;
  holderBirthDate: string;
};

export const DIPLOMA_IMPORT_BATCH = "demo-seed";

export const DIPLOMAS: readonly TSeedDiploma[] = [
  {
    registrationNumber: "D-2015-018734",
    holderName: "María José Ixcot Chávez",
    degree: "Bachiller en Ciencias y Letras con Orientación en Computación",
    school: "Instituto Nacional de Educación Diversificada, Quetzaltenango",
    year: 2015,
    dideducCode: "quetzaltenango",
    holderCui: "5260181510901",
    holderBirthDate: "1997-06-02",
  },
  {
    registrationNumber: "D-2010-006251",
    holderName: "Juan Pablo Sic Batz",
    degree: "Perito Contador con Orientación en Computación",
    school: "Instituto Nacional Central para Varones, Ciudad de Guatemala",
    year: 2010,
    dideducCode: "guatemala-norte",
    holderCui: "9083016690101",
    holderBirthDate: "1992-09-14",
  },
  {
    registrationNumber: "D-2012-004512",
    holderName: "Carmen Lucía Ajanel Tuy",
    degree: "Bachiller en Ciencias y Letras",
    school: "Instituto Normal Central para Señoritas Belén, Ciudad de Guatemala",
    year: 2012,
    dideducCode: "guatemala-norte",
    holderCui: "7182980200101",
    holderBirthDate: "1994-03-21",
  },
  {
    registrationNumber: "D-2006-001187",
    holderName: "Edgar Rolando Chocooj Caal",
    degree: "Maestro de Educación Primaria Urbana",
    school: "Escuela Normal Rural de Cobán, Alta Verapaz",
    year: 2006,
    dideducCode: "alta-verapaz",
    holderCui: "6777615971601",
    holderBirthDate: "1987-11-05",
  },
  {
    registrationNumber: "D-2008-009943",
    holderName: "Ana Isabel Gómez Barrios",
    degree: "Secretaria Bilingüe Español-Inglés",
    school: "Colegio Mixto Santa Teresita, Quetzaltenango",
    year: 2008,
    dideducCode: "quetzaltenango",
    holderCui: "5151456610901",
    holderBirthDate: "1990-01-30",
  },
  {
    registrationNumber: "D-2011-012078",
    holderName: "Kevin Alexander Morales Ruiz",
    degree: "Bachiller Industrial y Perito en Electricidad",
    school: "Instituto Técnico Vocacional Dr. Imrich Fischmann, Ciudad de Guatemala",
    year: 2011,
    dideducCode: "guatemala-sur",
    holderCui: "3810807060101",
    holderBirthDate: "1993-07-12",
  },
  {
    registrationNumber: "D-2014-021560",
    holderName: "Gladys Marisol Pérez López",
    degree: "Perito en Administración de Empresas",
    school: "Colegio Evangélico La Patria, Mixco",
    year: 2014,
    dideducCode: "guatemala-occidente",
    holderCui: "5091786500101",
    holderBirthDate: "1996-04-08",
  },
  {
    registrationNumber: "D-2017-030415",
    holderName: "Byron Estuardo Juárez Hernández",
    degree: "Bachiller en Ciencias y Letras con Orientación en Educación",
    school: "Instituto Nacional de Educación Diversificada, Huehuetenango",
    year: 2017,
    dideducCode: "huehuetenango",
    holderCui: "2973722031301",
    holderBirthDate: "1999-10-19",
  },
  {
    registrationNumber: "D-2019-041208",
    holderName: "Wendy Paola Xoyón Cumes",
    degree: "Bachiller en Ciencias y Letras con Orientación en Educación Musical",
    school: "Instituto Normal Mixto Pedro Molina, Chimaltenango",
    year: 2019,
    dideducCode: "chimaltenango",
    holderCui: "8796667570401",
    holderBirthDate: "2001-02-27",
  },
  {
    registrationNumber: "D-2009-010376",
    holderName: "Selvin Otoniel Ramírez Cordón",
    degree: "Perito Agrónomo",
    school: "Instituto de Educación Diversificada por Cooperativa, Zacapa",
    year: 2009,
    dideducCode: "zacapa",
    holderCui: "3889543291901",
    holderBirthDate: "1991-08-03",
  },
  {
    registrationNumber: "D-2021-052219",
    holderName: "Mónica Andrea Tzoc Quiej",
    degree: "Bachiller en Computación con Orientación Científica",
    school: "Colegio Particular Mixto La Asunción, Totonicapán",
    year: 2021,
    dideducCode: "totonicapan",
    holderCui: "4844280390801",
    holderBirthDate: "2003-12-15",
  },
  {
    registrationNumber: "D-2005-000318",
    holderName: "Rony Adalberto Castañeda Ical",
    degree: "Perito en Turismo",
    school: "Instituto Nacional de Educación Diversificada, Flores, Petén",
    year: 2005,
    dideducCode: "peten",
    holderBirthDate: "1987-05-22",
  },
  {
    registrationNumber: "D-2006-002741",
    holderName: "Julio César Tzunún Ajpop",
    degree: "Maestro de Educación Primaria Rural",
    school: "Escuela Normal Regional de Occidente, Santa Lucía Utatlán, Sololá",
    year: 2006,
    dideducCode: "solola",
    holderCui: "5246093220701",
    holderBirthDate: "1988-09-09",
    signedBy: "REGIONAL_DIRECTOR",
  },
  {
    registrationNumber: "D-2007-003350",
    holderName: "Ingrid Maribel Sontay Tax",
    degree: "Bachiller en Ciencias y Letras",
    school: "Instituto Normal para Señoritas Olimpia Leal, Ciudad de Guatemala",
    year: 2007,
    dideducCode: "guatemala-norte",
    holderCui: "6178189400101",
    holderBirthDate: "1989-06-16",
    signedBy: "MINISTER",
  },
];
