"use client";

import { useEffect, useRef } from "react";
import { cn } from "./cn";

// The message at the top of a form after a failed submission. It takes focus so keyboard and
// screen-reader users land on it, and role="alert" announces it.
// `items` lists the fields to correct, each a link that moves focus to its input.
export function FormAlert({ message, title = "No se pudo completar", id = "form-error", items = [], className }: {
  message: string | null | undefined;
  title?: string;
  id?: string;
  items?: ReadonlyArray<{ field: string; text: string }>;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div aria-live="assertive" aria-atomic="true">
      {message ? (
        <div
          ref={ref}
          id={id}
          role="alert"
          tabIndex={-1}
          className={cn("rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900", className)}
        >
          <p className="font-semibold">{title}</p>
          <p className="mt-1">{message}</p>
          {items.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {items.map((item) => (
                <li key={item.field + item.text}>
                  <a href={`#${item.field}`} className="font-semibold text-red-900 hover:text-red-950">
                    {item.text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
