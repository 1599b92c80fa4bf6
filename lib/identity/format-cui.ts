// The grouping printed on the DPI: "2345 67899 0101".
export function formatCui(cui: string): string {
  const digits = cui.replace(/\s+/g, "");
  if (!/^\d{13}$/.test(digits)) return cui;
  return `${digits.slice(0, 4)} ${digits.slice(4, 9)} ${digits.slice(9)}`;
}
