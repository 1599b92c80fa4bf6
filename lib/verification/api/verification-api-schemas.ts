import { z } from "zod";
import { RevocationCategory } from "@/lib/generated/prisma/enums";

// The verification API's request and response bodies: the handlers build and check their answers
// with these, and the OpenAPI document (openapi.ts) is generated from them, so the document and the
// code cannot drift apart. Field names are English camelCase and stable (institutions integrate
// against them); dates are ISO 8601 in UTC.

const CODE = z
  .string()
  .regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  .meta({ description: "Verification code in its canonical form, as printed next to the QR code.", examples: ["7KQ2-M4XD-9RTB"] });

const INSTANT = z.iso.datetime();

export const ZLocalizedText = z
  .object({ es: z.string().min(1), en: z.string().min(1) })
  .meta({ description: "The same text in Spanish and in English." });

export const ZVerificationStatus = z.enum(["issued", "in_process", "revoked", "cancelled"]).meta({
  description:
    "issued: signed by every office and issued, valid. in_process: still being signed, not valid yet. revoked: issued and later revoked, no longer valid. cancelled: the request was rejected before issuance, no valid document carries the code.",
});
export type TVerificationApiStatus = z.infer<typeof ZVerificationStatus>;

export const ZVerificationResponse = z
  .object({
    code: CODE,
    status: ZVerificationStatus,
    documentType: z.string().meta({ description: "Title of the document as printed on it (Spanish)." }),
    procedure: z.object({
      code: z.string().meta({ description: "Section of the Ministry's procedures manual.", examples: ["D.1.1"] }),
      name: ZLocalizedText,
    }),
    holder: z.object({
      maskedName: z.string().nullable().meta({ description: "The holder's name with all but the first given name masked, e.g. \"María J*** I**** C*****\"." }),
    }),
    issuingOffices: z.array(z.string()).meta({ description: "Offices that issue the document (Spanish proper names)." }),
    signers: z.array(
      z.object({
        name: z.string(),
        post: z.string().nullable(),
        office: z.string(),
        signedAt: INSTANT,
        timestampedAt: INSTANT.nullable().meta({ description: "Trusted time of the signature (RFC 3161 timestamp), when it has one." }),
        timestampAuthority: z.string().nullable(),
      }),
    ),
    issuedAt: INSTANT.nullable(),
    revokedAt: INSTANT.nullable(),
    revocation: z
      .object({ category: z.enum(RevocationCategory), label: ZLocalizedText })
      .nullable()
      .meta({ description: "Public reason of a revocation; null unless status is revoked." }),
    replacedBy: CODE.nullable().meta({ description: "Code of the corrected certification that replaced this one." }),
    replaces: CODE.nullable().meta({ description: "Code of the earlier certification this one corrects and replaces." }),
    file: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.int().nonnegative().meta({ description: "Size in bytes." }),
      })
      .nullable()
      .meta({ description: "The issued PDF's SHA-256 and size; null until issued." }),
    verificationUrl: z.url().meta({ description: "The public verification page (the address the QR code holds)." }),
  })
  .meta({ title: "Verification" });
export type TVerificationResponse = z.infer<typeof ZVerificationResponse>;

export const ZCompareRequest = z
  .object({
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .meta({ description: "SHA-256 of the file to compare, 64 hexadecimal characters." }),
  })
  .meta({ title: "CompareRequest" });
export type TCompareRequest = z.infer<typeof ZCompareRequest>;

export const ZCompareResponse = z
  .object({
    code: CODE,
    matches: z.boolean().meta({ description: "Whether the SHA-256 is the issued file's. A revoked certification's file still matches: check status." }),
    status: ZVerificationStatus,
    message: ZLocalizedText,
  })
  .meta({ title: "CompareResult" });
export type TCompareResponse = z.infer<typeof ZCompareResponse>;

export const API_ERROR_CODES = ["NOT_FOUND", "INVALID_BODY", "METHOD_NOT_ALLOWED", "RATE_LIMITED", "INTERNAL_ERROR"] as const;
export type TApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: ZLocalizedText,
      requestId: z.string().optional().meta({ description: "Present on unexpected errors: quote it to support." }),
    }),
  })
  .meta({ title: "Error" });
export type TApiError = z.infer<typeof ZApiError>;
