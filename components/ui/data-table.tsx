import type { ReactNode } from "react";

// The bordered, scrollable table the registries and lists share: a caption for screen readers,
// one header cell a column, the rows as the caller writes them (each row keeps its own row header).
export function DataTable({ testId, caption, columns, children }: { testId?: string; caption: ReactNode; columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-sm">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

// What a list or table says in its place when it has nothing to show.
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-slate-300 bg-white p-4">{children}</p>;
}

// A titled part of a page that lists something: its heading names it (and, given a count, how many).
export function ListSection({ id, title, count, className, children }: { id: string; title: ReactNode; count?: number; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
        {count === undefined ? null : (
          <>
            {" "}
            <span className="font-normal text-slate-700">({count})</span>
          </>
        )}
      </h2>
      {children}
    </section>
  );
}
