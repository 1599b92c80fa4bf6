import { respondStatsCsv } from "@/lib/stats/respond-stats-csv";

// One table of the dashboard as CSV; role and scope checked in respondStatsCsv.
export async function GET(request: Request, { params }: { params: Promise<{ tabla: string }> }): Promise<Response> {
  return respondStatsCsv(request, "direccion", (await params).tabla);
}
