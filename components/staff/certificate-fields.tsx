"use client";

import { useRef, useState } from "react";
import type { TFieldErrors } from "@/lib/errors";
import { cn } from "@/components/ui/cn";
import { FieldErrors } from "@/components/ui/field-errors";
import { FilePicker } from "@/components/ui/file-picker";
import { openCertificateFile, type TOpenedCertificate } from "./open-certificate-file";

// The certificate a person signs with, opened in this tab: the file and passphrase inputs (NO
// `name` attribute, so no form serialization can ever carry them), their errors, and the opened
// certificate kept in a ref for this page only. Choosing another file or typing another
// passphrase forgets it; a page reload or navigation drops it with the page.
export function useCertificate() {
  const fileInput = useRef<HTMLInputElement>(null);
  const opened = useRef<TOpenedCertificate | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const [holder, setHolder] = useState<{ name: string; validUntil: Date } | null>(null);
  const [errors, setErrors] = useState<{ pkcs12?: string[]; passphrase?: string[] }>({});

  function forget() {
    opened.current = null;
    setHolder(null);
  }

  // The opened certificate, opening the chosen file with the passphrase first if needed. On a
  // problem the error is set next to its field and null returned. A wrong passphrase empties the
  // field (it is wrong; typing over it is what the person does next).
  async function open(): Promise<TOpenedCertificate | null> {
    if (opened.current) return opened.current;
    const result = await openCertificateFile(fileInput.current?.files?.[0], passphrase);
    if (!result.ok) {
      setErrors({ [result.field]: [result.message] });
      if (result.field === "passphrase" && passphrase !== "") setPassphrase("");
      return null;
    }
    opened.current = result.opened;
    setHolder({ name: result.opened.holder, validUntil: result.opened.validUntil });
    setErrors({});
    return result.opened;
  }

  // The server's field errors (a certificate refused by the registry → the file; a malformed
  // chain, "certificates.0" → the file too).
  function showServerErrors(fieldErrors: TFieldErrors) {
    const pkcs12 = Object.entries(fieldErrors)
      .filter(([k]) => k === "pkcs12" || k.startsWith("certificates"))
      .flatMap(([, v]) => v);
    setErrors({ ...(pkcs12.length ? { pkcs12 } : {}), ...(fieldErrors.passphrase ? { passphrase: fieldErrors.passphrase } : {}) });
  }

  return {
    open,
    showServerErrors,
    clearErrors: () => setErrors({}),
    errors,
    holder,
    fields: {
      fileInput,
      passphrase,
      errors,
      holder,
      onFileChange: () => {
        forget();
        setErrors((e) => ({ ...e, pkcs12: undefined }));
      },
      onPassphraseChange: (value: string) => {
        forget();
        setPassphrase(value);
        setErrors((e) => ({ ...e, passphrase: undefined }));
      },
    },
  };
}

type TFieldsProps = ReturnType<typeof useCertificate>["fields"] & { disabled?: boolean };

export function CertificateFields({ fileInput, passphrase, errors, holder, onFileChange, onPassphraseChange, disabled }: TFieldsProps) {
  const fileErrorId = errors.pkcs12?.length ? "pkcs12-error" : null;
  const passphraseErrorId = errors.passphrase?.length ? "passphrase-error" : null;
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="pkcs12" id="pkcs12-label" className="block font-semibold text-slate-900">
          Archivo del certificado (.p12)
        </label>
        <p id="pkcs12-hint" className="text-sm text-slate-700">
          Su certificado de firma electrónica avanzada (archivo .p12 o .pfx). Se abre aquí, en esta computadora: el archivo y su clave privada no se envían al
          servidor ni se guardan.
        </p>
        <FieldErrors id="pkcs12" errors={errors.pkcs12} />
        <FilePicker
          inputRef={fileInput}
          id="pkcs12"
          labelledBy="pkcs12-label"
          required
          disabled={disabled}
          accept=".p12,.pfx,application/x-pkcs12"
          onChange={onFileChange}
          invalid={Boolean(fileErrorId)}
          describedBy={["pkcs12-hint", fileErrorId].filter(Boolean).join(" ")}
          buttonText="Elegir archivo .p12"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="passphrase" className="block font-semibold text-slate-900">
          Contraseña del certificado
        </label>
        <p id="passphrase-hint" className="text-sm text-slate-700">
          La contraseña que protege su archivo .p12. Se usa solo en esta computadora para abrirlo: no se envía ni se guarda.
        </p>
        <FieldErrors id="passphrase" errors={errors.passphrase} />
        <input
          id="passphrase"
          type="password"
          required
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          value={passphrase}
          onChange={(e) => onPassphraseChange(e.target.value)}
          aria-invalid={passphraseErrorId ? true : undefined}
          aria-describedby={["passphrase-hint", passphraseErrorId].filter(Boolean).join(" ")}
          className={cn(
            "block w-full rounded-md border-2 bg-white px-3 py-2 text-base text-slate-900",
            passphraseErrorId ? "border-red-700" : "border-slate-600",
          )}
        />
      </div>
      {holder ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="certificate-holder">
          <span className="font-semibold">Firmará como:</span> {holder.name}
          <span className="block text-sm text-slate-700">Certificado vigente hasta el {holder.validUntil.toLocaleDateString("es-GT", { dateStyle: "long" })}.</span>
        </p>
      ) : null}
    </>
  );
}
