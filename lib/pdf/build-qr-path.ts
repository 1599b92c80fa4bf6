import QRCode from "qrcode";

export type TQrPath = {
  // SVG path data in module units: one closed rectangle per horizontal run of dark modules.
  d: string;
  // Modules per side including the quiet zone: the path's viewBox is `0 0 size size`.
  size: number;
};

// Quiet zone of 2 modules on each side, as the sheet has always printed it: the verification box
// around the code adds white space beyond it.
const MARGIN = 2;

// The QR code of `url` as vector data for React-PDF's <Svg>/<Path>: sharp at any zoom or print
// resolution, no image to encode or embed, no transparency. Level M survives a stamp or a fold
// over part of the code. A single path, filled once, so readers draw no seams between rows.
export function buildQrPath(url: string): TQrPath {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      d += `M${start + MARGIN} ${row + MARGIN}h${col - start}v1h${start - col}z`;
    }
  }
  return { d, size: n + 2 * MARGIN };
}
