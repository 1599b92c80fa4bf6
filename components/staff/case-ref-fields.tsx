// The hidden fields every case action posts: the case, and the version this page was rendered
// with (optimistic concurrency: a click on an outdated page changes nothing).
export function CaseRefFields({ caseId, version, action }: { caseId: string; version: number; action?: string }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {action ? <input type="hidden" name="action" value={action} /> : null}
    </>
  );
}
