"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { signOutAction } from "@/lib/auth/actions";

// A form, not a link: signing out changes state, so it is a POST (a server action, which Next.js
// protects against cross-site submission). On success the action redirects to the home page.
export function SignOutButton({ className, label = "Cerrar sesión", look = "link" }: { className?: string; label?: string; look?: "link" | "button" }) {
  const [state, formAction, pending] = useFormAction(signOutAction);
  return (
    <form action={formAction}>
      <button
        type="submit"
        disabled={pending}
        className={look === "button" ? buttonClasses("primary", className) : cn("min-h-11 cursor-pointer font-semibold underline underline-offset-2", className)}
      >
        {label}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
