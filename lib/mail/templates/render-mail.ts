// Shared layout of the citizen notifications: a plain-text body and a simple HTML body built
// from the same blocks, so both always say the same thing. Every value is escaped.

export type TRenderedMail = { subject: string; text: string; html: string };

export type TMailBlock =
  | { type: "paragraph"; text: string }
  | { type: "details"; rows: [label: string, value: string][] }
  | { type: "quote"; label: string; text: string }
  | { type: "action"; label: string; url: string }
  // A heading and a list of linked items (the staff digest's cases).
  | { type: "list"; heading: string; items: { label: string; detail: string; url: string }[] };

export const MINISTRY_NAME = "Ministerio de Educación de Guatemala";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const FOOTER =
  "Este mensaje fue enviado automáticamente por Certifica, el sistema de certificación electrónica de documentos " +
  `educativos del ${MINISTRY_NAME}. No responda a este correo.`;

export function renderMail(subject: string, greetingName: string, blocks: TMailBlock[]): TRenderedMail {
  const greeting = `Estimado(a) ${greetingName}:`;

  const textParts = [greeting];
  for (const b of blocks) {
    if (b.type === "paragraph") textParts.push(b.text);
    else if (b.type === "details") textParts.push(b.rows.map(([k, v]) => `${k}: ${v}`).join("\n"));
    else if (b.type === "quote") textParts.push(`${b.label}:\n${b.text.split("\n").map((l) => `  ${l}`).join("\n")}`);
    else if (b.type === "list") textParts.push([b.heading, ...b.items.map((i) => `- ${i.label}: ${i.detail}\n  ${i.url}`)].join("\n"));
    else textParts.push(`${b.label}:\n${b.url}`);
  }
  textParts.push(`--\n${FOOTER}`);

  const htmlParts = [`<p>${escapeHtml(greeting)}</p>`];
  for (const b of blocks) {
    if (b.type === "paragraph") htmlParts.push(`<p>${escapeHtml(b.text)}</p>`);
    else if (b.type === "details") {
      const rows = b.rows
        .map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
        .join("");
      htmlParts.push(`<table role="presentation" style="border-collapse:collapse">${rows}</table>`);
    } else if (b.type === "quote") {
      htmlParts.push(
        `<p><strong>${escapeHtml(b.label)}:</strong></p>` +
          `<blockquote style="margin:0 0 1em;padding:8px 12px;border-left:4px solid #1d4e89;background:#f3f6fa">` +
          `${escapeHtml(b.text).replace(/\n/g, "<br>")}</blockquote>`,
      );
    } else if (b.type === "list") {
      const items = b.items
        .map((i) => `<li><a href="${escapeHtml(i.url)}" style="color:#1d4e89;font-weight:bold">${escapeHtml(i.label)}</a>: ${escapeHtml(i.detail)}</li>`)
        .join("");
      htmlParts.push(`<h2 style="font-size:17px;margin:1em 0 0.25em">${escapeHtml(b.heading)}</h2><ul>${items}</ul>`);
    } else {
      const href = escapeHtml(b.url);
      htmlParts.push(`<p><a href="${href}" style="color:#1d4e89;font-weight:bold">${escapeHtml(b.label)}</a><br><span style="font-size:12px;color:#555">${href}</span></p>`);
    }
  }
  htmlParts.push(`<hr style="border:none;border-top:1px solid #ccc"><p style="font-size:12px;color:#555">${escapeHtml(FOOTER)}</p>`);

  const html =
    `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px">` +
    htmlParts.join("\n") +
    `</body></html>`;

  return { subject, text: textParts.join("\n\n") + "\n", html };
}
