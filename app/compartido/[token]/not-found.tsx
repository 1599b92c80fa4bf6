import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { SHARE_TEXTS } from "@/lib/i18n/texts/share";

// A share-link address that no link has (mistyped, cut short, forged): 404, in both languages, since
// the reader's language is not known here and a foreign institution may be the one reading.
export default function SharedDocumentNotFound() {
  const { es, en } = SHARE_TEXTS;
  return (
    <div className="max-w-3xl space-y-6" data-testid="share-not-found">
      <PageHeading title={`${es.notFoundTitle} · ${en.notFoundTitle}`} eyebrow={es.eyebrow} />
      <Card className="space-y-3">
        <p>{es.notFoundText}</p>
        <p lang="en">{en.notFoundText}</p>
      </Card>
    </div>
  );
}
