import { DEMO_CONTACT_DETAIL, DemoDataMark } from "@/components/ui/demo-data-mark";
import type { TGuidanceContact } from "@/lib/workflow/inputs";

// Where the person has to go: the office's name, phone (a link that dials) and address; marked when
// they are the seed's demonstration data (stored with the guidance at the rejection).
export function OfficeContact({ contact }: { contact: TGuidanceContact }) {
  return (
    <dl className="space-y-1 rounded-md bg-slate-50 p-4" data-testid="guidance-office">
      <div>
        <dt className="text-sm text-slate-600">Oficina</dt>
        <dd className="font-semibold">{contact.name}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">Teléfono</dt>
        <dd>
          <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
        </dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">Dirección</dt>
        <dd>{contact.address}</dd>
      </div>
      {contact.isPlaceholder ? <DemoDataMark detail={DEMO_CONTACT_DETAIL} /> : null}
    </dl>
  );
}
