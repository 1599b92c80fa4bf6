// What a visible signature shows inside its box on the sheet: who signed, in what capacity, for
// which office, and when — readable in any PDF viewer, on screen and printed, without opening the
// signature panel. The lines are drawn by draw-signature-appearance.ts.

export type TAppearanceLine = { text: string; bold?: boolean };

export type TSignatureAppearanceInput = {
  // The signer's real name, as the registry of authorized signers has it.
  name: string;
  post: string;
  office: string;
  signedAt: Date;
};

const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

const GUATEMALA_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Guatemala",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

// "5 de diciembre de 2026, 14:03 (hora de Guatemala)": the wall clock in Guatemala, whatever the
// server's time zone. Month names are written out here rather than taken from the runtime's
// locale data, so the text does not depend on how much ICU data Node was built with.
export function formatGuatemalaDateTime(date: Date): string {
  const parts = Object.fromEntries(GUATEMALA_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const month = MONTHS[Number(parts.month) - 1];
  return `${Number(parts.day)} de ${month} de ${parts.year}, ${parts.hour}:${parts.minute} (hora de Guatemala)`;
}

// The signer's name first and in bold, then post, office, and date and time. The time is the
// signing time the signature dictionary records (/M): the appearance is part of the signed bytes,
// so it cannot carry the timestamp the TSA returns afterwards (seconds later, over the signature).
export function buildSignatureAppearance({ name, post, office, signedAt }: TSignatureAppearanceInput): TAppearanceLine[] {
  return [{ text: name, bold: true }, { text: post }, { text: office }, { text: `Firmado el ${formatGuatemalaDateTime(signedAt)}` }];
}

// A visible signature: the widget goes on page `pageIndex` (0-based, of the document signed) with
// `rect` ([left, bottom, right, top], PDF points in the page's user space), and its appearance
// draws `lines` inside it.
export type TSignatureAppearance = {
  pageIndex: number;
  rect: readonly [number, number, number, number];
  lines: readonly TAppearanceLine[];
};
