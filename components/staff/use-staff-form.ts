"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import type { TStaffFormAction } from "./form-action";
import { useSingleSubmit } from "./use-single-submit";

// A staff form's action state read the way every staff form reads it: the failure, the field
// errors and the values typed (to refill the fields), and a submit handler that sends once.
export function useStaffForm(formAction: TStaffFormAction) {
  const [state, dispatch] = useFormAction(formAction);
  const onSubmit = useSingleSubmit(state);
  return { state, dispatch, onSubmit, failure: failureOf(state), errors: fieldErrorsOf(state), values: valuesOf(state) };
}
