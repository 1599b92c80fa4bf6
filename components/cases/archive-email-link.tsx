import { ARCHIVE_EMAIL } from "@/lib/cases/forms/title-signatory";

// The Documental Archive's mailbox as the procedure names it (D.1.2: "al correo archivo@mineduc.gob.gt"),
// a link that opens the person's mail program.
export function ArchiveEmailLink({ subject }: { subject?: string }) {
  const href = `mailto:${ARCHIVE_EMAIL}${subject ? `?subject=${encodeURIComponent(subject)}` : ""}`;
  return (
    <a href={href} className="font-semibold" data-testid="archive-email">
      {ARCHIVE_EMAIL}
    </a>
  );
}
