"use client";

import { useActionForm } from "@/components/ui/use-form-action";
import type { TStaffFormAction } from "./form-action";
import { useSingleSubmit } from "./use-single-submit";

// A staff form's action state read the way every form with fields reads it (useActionForm), and a
// submit handler that sends once.
export function useStaffForm(formAction: TStaffFormAction) {
  const { state, formAction: dispatch, failure, errors, values } = useActionForm(formAction);
  const onSubmit = useSingleSubmit(state);
  return { state, dispatch, onSubmit, failure, errors, values };
}
