"use client";

import { useEffect, useRef, type FormEvent } from "react";

// One submission at a time per form: a second click before the answer arrives is dropped here,
// before it reaches the network. The domain refuses a duplicate anyway (the version no longer
// matches); this only spares the person a confusing second message.
export function useSingleSubmit(resetKey: unknown) {
  const inFlight = useRef(false);
  useEffect(() => {
    inFlight.current = false;
  }, [resetKey]);
  return (event: FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    inFlight.current = true;
  };
}
