import { z } from "zod";
import { findHiddenCharacter, hiddenCharacterMessage, type THiddenCharacterOptions } from "./hidden-characters";
import "./configure-zod";

// THE zod building block for text a person types that may reach a signed certification, a
// registry or another person (names, titles, schools, posts, offices, reasons): a string, NFC-
// normalized (one stored form per visible text, so comparisons and searches agree and the PDF
// prints the composed letter), and refused with a Spanish message when it holds a bidirectional
// control, a zero-width or another hidden character (the list: hidden-characters.ts). Chain the
// field's own rules after it: `safeText({ error: "Escriba…" }).trim().min(1, …).max(…)`.
// The hidden-character check runs first and stops the others, so the person reads one message.
export type TSafeTextOptions = THiddenCharacterOptions & {
  // The message for a hidden character, where the generic one does not fit (a CSV import names the
  // column and asks to fix the file).
  hiddenMessage?: (char: string) => string;
};

export function safeText(params?: Parameters<typeof z.string>[0], options: TSafeTextOptions = {}) {
  const message = options.hiddenMessage ?? hiddenCharacterMessage;
  return z
    .string(params)
    .normalize("NFC")
    .superRefine((value, ctx) => {
      const hidden = findHiddenCharacter(value, options);
      if (hidden) ctx.addIssue({ code: "custom", message: message(hidden), continue: false });
    });
}

// A text area (a reason, a description): tab and line breaks are text there.
export function safeMultilineText(params?: Parameters<typeof z.string>[0]) {
  return safeText(params, { multiline: true });
}
