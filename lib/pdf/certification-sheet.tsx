import fs from "node:fs";
import path from "node:path";
import { Document, Font, Link, Page, Path, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { TQrPath } from "./build-qr-path";
import { signatureBoxUri } from "./extract-signature-boxes";
import { STUDY_MODE_LABELS, type TCertificationSheetData, type TSheetSigner } from "./sheet-data";

// The certification sheet ("página de certificación") placed in front of the scans.
// Paper: US Letter (Carta, 216 × 279 mm), the size Guatemalan offices print on; the scans that
// follow keep their own size. Text uses an embedded TrueType font (Source Sans 3, SIL OFL,
// lib/pdf/fonts) rather than the built-in Helvetica, so the archived file carries its glyphs.

export const SHEET_FONT_FAMILY = "SourceSans3";

// Read from disk at render time: `next start` and the tests run from the project root. Each
// path is a literal under process.cwd() so Next's file tracing ships these three files and
// nothing else (a computed directory makes it trace the whole project).
function fontPaths() {
  return {
    regular: path.join(process.cwd(), "lib", "pdf", "fonts", "SourceSans3-Regular.ttf"),
    bold: path.join(process.cwd(), "lib", "pdf", "fonts", "SourceSans3-Bold.ttf"),
    italic: path.join(process.cwd(), "lib", "pdf", "fonts", "SourceSans3-Italic.ttf"),
  };
}

let fontsRegistered = false;

export function registerSheetFonts(): void {
  if (fontsRegistered) return;
  const fonts = fontPaths();
  for (const file of Object.values(fonts)) {
    if (!fs.existsSync(file)) {
      throw new Error(`No se encontró la fuente de la hoja de certificación: ${file}. Inicie el servidor desde la raíz del proyecto.`);
    }
  }
  Font.register({
    family: SHEET_FONT_FAMILY,
    fonts: [
      { src: fonts.regular, fontWeight: 400, fontStyle: "normal" },
      { src: fonts.bold, fontWeight: 700, fontStyle: "normal" },
      { src: fonts.italic, fontWeight: 400, fontStyle: "italic" },
    ],
  });
  // Spanish words must not be split by the English hyphenation rules react-pdf ships with.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const MONTHS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

// "2026-03-15" → "15 de marzo de 2026", without going through a Date (no time zone shift).
export function formatLongSpanishDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day} de ${MONTHS[month - 1]} de ${year}`;
}

const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#1f3a5f";
const HAIRLINE = "#b8c0cc";
const TABLE_HEAD = "#e9edf2";
// Pure black: the QR's modules need full contrast, on screen and in print.
const QR_INK = "#000000";

// Room for the four lines of a signature's appearance at about 7.5 pt, the size their width allows
// in a signer's half of the row (lib/signing/draw-signature-appearance.ts). Every point here is a
// point more for the closing block: at 40 (plus its margin), a D.1.1 sheet with one study row
// or a D.2.1 sheet still fits one page.
export const SIGNATURE_BOX_HEIGHT = 40;

// US Letter is 612 × 792 pt.
const LETTER_HEIGHT = 792;
const PAGE = {
  fontFamily: SHEET_FONT_FAMILY,
  fontSize: 10,
  color: INK,
  paddingTop: 30,
  paddingBottom: 48,
  paddingHorizontal: 56,
};

// The closing block's short lines (captions, verification box) at 1.15 instead of the font's own
// line gap (≈ 1.42 for Source Sans 3): with the other spacing it lets the signers and the
// verification box stay on page 1 of a D.1.1 sheet with four study rows (issue #12, point 11).
const TIGHT = 1.15;

const s = StyleSheet.create({
  page: PAGE,
  // An unbroken page takes the height of its content unless told otherwise.
  onePage: { ...PAGE, minHeight: LETTER_HEIGHT },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  headerLeft: { flexGrow: 1, flexShrink: 1, paddingRight: 16 },
  heading: { fontSize: 12.5, fontWeight: 700, textTransform: "uppercase" },
  office: { fontSize: 10, color: INK },
  headerRight: { width: 170, alignItems: "flex-end" },
  sheetLabel: { fontSize: 8.5, color: MUTED, textTransform: "uppercase" },
  caseNumber: { fontSize: 11, fontWeight: 700 },
  small: { fontSize: 9, color: MUTED, lineHeight: TIGHT },
  rule: { borderBottomWidth: 1.5, borderBottomColor: RULE, marginTop: 6, marginBottom: 9 },
  title: { fontSize: 13.5, fontWeight: 700, textAlign: "center", textTransform: "uppercase" },
  subtitle: { fontSize: 10.5, textAlign: "center", color: MUTED, marginTop: 2 },
  sectionTitle: {
    marginTop: 9,
    fontSize: 9,
    fontWeight: 700,
    color: RULE,
    textTransform: "uppercase",
    marginBottom: 4,
  },
  fieldRow: { flexDirection: "row", marginBottom: 2 },
  fieldLabel: { width: 150, fontSize: 9.5, color: MUTED, paddingTop: 1 },
  fieldValue: { flex: 1 },
  holderName: { fontSize: 12, fontWeight: 700 },
  table: { borderTopWidth: 0.75, borderTopColor: HAIRLINE },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: HAIRLINE },
  th: { backgroundColor: TABLE_HEAD, fontWeight: 700, fontSize: 9.5 },
  td: { paddingVertical: 2, paddingHorizontal: 5 },
  // Left-aligned: react-pdf justifies by stretching letters too, which looked uneven.
  statement: { fontSize: 9.5, lineHeight: 1.3 },
  paragraph: { fontSize: 9.5, lineHeight: 1.3, marginTop: 3 },
  closing: { marginTop: 8 },
  signers: { flexDirection: "row", flexWrap: "wrap", marginHorizontal: -8 },
  signer: { width: "50%", paddingHorizontal: 8, marginTop: 4 },
  // Where the signer's signature draws its appearance (name, post, office, date and time): empty
  // on the printed sheet, so the sheet says the same before and after signing.
  signatureBox: { height: SIGNATURE_BOX_HEIGHT, borderWidth: 0.75, borderColor: HAIRLINE, marginBottom: 4 },
  signatureBoxBeside: { height: SIGNATURE_BOX_HEIGHT, borderWidth: 0.75, borderColor: HAIRLINE },
  // lineHeight here sets the post's line; the other lines set their own. React-PDF resolves a
  // lineHeight with the node's own fontSize (18 when unset), hence the fontSize beside it.
  signerBox: { borderTopWidth: 0.75, borderTopColor: INK, paddingTop: 4, fontSize: 10, lineHeight: TIGHT },
  signerName: { fontSize: 10.5, fontWeight: 700, lineHeight: TIGHT },
  verification: {
    flexDirection: "row",
    marginTop: 8,
    borderWidth: 0.75,
    borderColor: HAIRLINE,
    padding: 6,
    alignItems: "center",
  },
  qr: { width: 84, height: 84 },
  verificationText: { flex: 1, paddingLeft: 14 },
  verificationTitle: { fontSize: 10, fontWeight: 700, lineHeight: TIGHT },
  url: { fontSize: 10, fontWeight: 700, marginTop: 2, lineHeight: TIGHT },
  code: { fontSize: 15, fontWeight: 700, marginTop: 1, lineHeight: TIGHT },
  note: { fontSize: 8.5, color: MUTED, fontStyle: "italic", marginTop: 3, lineHeight: TIGHT },
  runningHead: { position: "absolute", top: 14, left: 56, right: 56, fontSize: 8.5, color: MUTED },
  footer: {
    position: "absolute",
    bottom: 26,
    left: 56,
    right: 56,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: HAIRLINE,
    paddingTop: 5,
    fontSize: 8.5,
    color: MUTED,
  },
  // No lineHeight on the page or a wrapper: react-pdf turns it into points with that node's font
  // size and every text inherits the points, and an inherited one drops the footer's page number.
  body: {},
});

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View style={s.fieldRow} wrap={false}>
      <Text style={s.fieldLabel}>{label}</Text>
      <View style={s.fieldValue}>{children}</View>
    </View>
  );
}

// `index`: the signer's place in `data.signers`. The box is a link to a made-up address that
// renderCertificationSheetDocument reads (its exact position on its page) and removes.
// "stacked": the box above the caption, in the signer's half of the row (two signers side by
// side). "beside": a sheet with one signer has the caption in one half and the box in the other,
// so its closing block is no taller than before the boxes (central-only sheets stay on one page).
function SignerBlock({ signer, index, arrangement }: { signer: TSheetSigner; index: number; arrangement: "stacked" | "beside" }) {
  const box = <Link src={signatureBoxUri(index)} style={arrangement === "stacked" ? s.signatureBox : s.signatureBoxBeside} />;
  const caption = (
    <View style={s.signerBox}>
      <Text style={s.small}>Firmado electrónicamente por</Text>
      <Text style={s.signerName}>{signer.name ?? signer.post}</Text>
      {signer.name ? <Text>{signer.post}</Text> : null}
      <Text style={s.small}>{signer.office}</Text>
      {signer.name ? null : (
        <Text style={s.note}>El nombre del firmante consta en su firma electrónica avanzada.</Text>
      )}
    </View>
  );
  return arrangement === "stacked" ? (
    <View style={s.signer}>
      {box}
      {caption}
    </View>
  ) : (
    <>
      <View style={s.signer}>{caption}</View>
      <View style={s.signer}>{box}</View>
    </>
  );
}

// "flowing": the sheet runs onto as many pages as it needs, each numbered "n de N" by a render
// prop, pages after the first with a running head. The others lay out pages that do not break
// (`wrap={false}`), with the page numbers and the running head written out, for sheets whose
// page breaks are known: "one-page", everything on one page; "closing-on-page-2", the signers and
// the verification box alone on a second page. renderCertificationSheet uses them only where
// the flowing layout would print the very same pages, and React-PDF then lays them out once
// instead of once per page cut and once more per page for the render props.
export type TSheetLayout = "flowing" | "one-page" | "closing-on-page-2";

export type TCertificationSheetProps = {
  data: TCertificationSheetData;
  // The QR code of `data.verification.url` (buildQrPath).
  qr: TQrPath;
  layout?: TSheetLayout;
  // Document's onRender: React-PDF calls it with the laid-out tree once the file is written.
  onRender?: (props: object) => void;
};

export function CertificationSheet({ data, qr, layout = "flowing", onRender }: TCertificationSheetProps) {
  const issueDate = formatLongSpanishDate(data.issueDate);
  const studies = data.studies;
  const widths = studies ? (studies.widths ?? studies.columns.map(() => 1)) : [];

  const main = (
    <>
      <View style={s.header}>
        <View style={s.headerLeft}>
          <Text style={s.heading}>{data.heading}</Text>
          {data.issuingOffices.map((office) => (
            <Text key={office} style={s.office}>
              {office}
            </Text>
          ))}
        </View>
        <View style={s.headerRight}>
          <Text style={s.sheetLabel}>Página de certificación</Text>
          <Text style={s.caseNumber}>Expediente {data.caseNumber}</Text>
          <Text style={s.small}>Fecha de emisión: {issueDate}</Text>
        </View>
      </View>
      <View style={s.rule} />

      <Text style={s.title}>{data.title}</Text>
      {data.studyMode ? <Text style={s.subtitle}>{STUDY_MODE_LABELS[data.studyMode]}</Text> : null}

      {/* Sections are not wrapped in views: a title keeps its minPresenceAhead only among
          siblings that precede it (react-pdf 4.9 never breaks before a first child). */}
      <Text style={s.sectionTitle} minPresenceAhead={30}>
        {data.documents.length > 0 ? "Titular y documentos certificados" : "Titular y datos certificados"}
      </Text>
      <Field label="Nombre completo">
        <Text style={s.holderName}>{data.holder.fullName}</Text>
      </Field>
      {data.holder.cui ? (
        <Field label="CUI (DPI)">
          <Text>{data.holder.cui}</Text>
        </Field>
      ) : null}
      {data.documents.length > 0 ? (
        <Field label="Documentos certificados">
          <Text>
            {data.documents.map((d) => (d.description ? `${d.label}: ${d.description}` : d.label)).join("; ")}
          </Text>
        </Field>
      ) : null}
      {data.fields.map((f, i) => (
        <Field key={i} label={f.label}>
          <Text>{f.value}</Text>
        </Field>
      ))}

      {studies ? (
        <>
          <Text style={s.sectionTitle} minPresenceAhead={45}>
            {studies.title}
          </Text>
          <View style={s.table}>
            {/* Repeated at the top of every page the table runs onto. */}
            <View style={[s.tr, s.th]} fixed>
              {studies.columns.map((c, i) => (
                <Text key={i} style={[s.td, { flex: widths[i] }]}>
                  {c}
                </Text>
              ))}
            </View>
            {studies.rows.map((row, r) => (
              <View key={r} style={s.tr} wrap={false}>
                {row.map((cell, i) => (
                  <Text key={i} style={[s.td, { flex: widths[i] }]}>
                    {cell}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        </>
      ) : null}

      <Text style={s.sectionTitle} minPresenceAhead={40}>
        Certificación
      </Text>
      <Text style={s.statement}>{data.statement}</Text>
      {data.attachedPages !== undefined && data.attachedPages > 0 ? (
        <Text style={s.paragraph}>
          {data.attachedPages === 1
            ? "A esta hoja sigue 1 página de documentos digitalizados, que forma parte integrante de la presente certificación."
            : `A esta hoja siguen ${data.attachedPages} páginas de documentos digitalizados, que forman parte integrante de la presente certificación.`}
        </Text>
      ) : null}
      {data.attachmentNames.length > 0 ? (
        <Text style={s.paragraph}>
          {data.attachmentNames.length === 1
            ? `Se incorpora como archivo adjunto, sin alteración alguna, el documento «${data.attachmentNames[0]}».`
            : `Se incorporan como archivos adjuntos, sin alteración alguna, los documentos ${data.attachmentNames
                .map((n) => `«${n}»`)
                .join(", ")}.`}
        </Text>
      ) : null}
    </>
  );
  const closing = (
    <>
      {/* Signatures and verification stay together and never split across pages. */}
      <View style={s.closing} wrap={false}>
        <View style={s.signers}>
          {data.signers.map((signer, i) => (
            <SignerBlock key={i} signer={signer} index={i} arrangement={data.signers.length === 1 ? "beside" : "stacked"} />
          ))}
        </View>

        <View style={s.verification}>
          <Svg style={s.qr} viewBox={`0 0 ${qr.size} ${qr.size}`}>
            <Path d={qr.d} fill={QR_INK} />
          </Svg>
          <View style={s.verificationText}>
            <Text style={s.verificationTitle}>Verificación de autenticidad</Text>
            <Text style={s.small}>Escanee el código QR o ingrese a:</Text>
            <Text style={s.url}>{data.verification.url}</Text>
            <Text style={[s.small, { marginTop: 3 }]}>Código de verificación:</Text>
            <Text style={s.code}>{data.verification.code}</Text>
            <Text style={s.note}>
              Muestra el estado del documento, sus firmantes y la huella digital (SHA-256) del archivo emitido.
            </Text>
          </View>
        </View>
        {data.notes.map((n, i) => (
          <Text key={i} style={s.note}>
            {n}
          </Text>
        ))}
      </View>
    </>
  );
  const runningHead = `${data.title} — Expediente ${data.caseNumber} (continuación)`;
  const codeLine = (
    <Text>
      Expediente {data.caseNumber} · Código de verificación {data.verification.code}
    </Text>
  );

  // One unbreakable page with the page's fixed parts written out: "Página n de N" and, from
  // page 2, the running head.
  const explicitPage = (n: number, total: number, content: React.ReactNode) => (
    <Page key={n} size="LETTER" style={s.onePage} wrap={false}>
      {n > 1 ? (
        <Text style={s.runningHead} fixed>
          {runningHead}
        </Text>
      ) : null}
      <View style={s.footer} fixed>
        {codeLine}
        <Text>{`Página de certificación ${n} de ${total}`}</Text>
      </View>
      <View style={s.body}>{content}</View>
    </Page>
  );

  return (
    <Document
      title={`${data.title} — ${data.caseNumber}`}
      author="Ministerio de Educación de Guatemala"
      subject={`Código de verificación ${data.verification.code}`}
      creator="Certifica"
      producer="Certifica"
      language="es-GT"
      onRender={onRender}
    >
      {layout === "one-page" ? (
        explicitPage(
          1,
          1,
          <>
            {main}
            {closing}
          </>,
        )
      ) : layout === "closing-on-page-2" ? (
        [explicitPage(1, 2, main), explicitPage(2, 2, closing)]
      ) : (
        <Page size="LETTER" style={s.page}>
          {/* From the second page on, a reminder of which document the page continues. */}
          <Text style={s.runningHead} fixed render={({ pageNumber }) => (pageNumber > 1 ? runningHead : "")} />
          <View style={s.footer} fixed>
            {codeLine}
            <Text render={({ pageNumber, totalPages }) => `Página de certificación ${pageNumber} de ${totalPages}`} />
          </View>
          <View style={s.body}>
            {main}
            {closing}
          </View>
        </Page>
      )}
    </Document>
  );
}
