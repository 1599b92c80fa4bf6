import "server-only";
import { z } from "zod";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { appUrl } from "@/lib/http/app-url";
import { ZApiError, ZCompareRequest, ZCompareResponse, ZVerificationResponse } from "./verification-api-schemas";

type TJsonObject = Record<string, unknown>;

// JSON Schemas of the bodies, from the same zod schemas the handlers parse with, as OpenAPI 3.1
// components (3.1's schema dialect is JSON Schema 2020-12, zod's default target). Responses in
// "output" form (no unknown properties), the request in "input" form (unknown properties are
// ignored by the handler, so the document allows them).
function componentSchemas(): Record<string, TJsonObject> {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const output = z.registry<{ id: string }>();
  output.add(ZVerificationResponse, { id: "Verification" });
  output.add(ZCompareResponse, { id: "CompareResult" });
  output.add(ZApiError, { id: "Error" });
  const input = z.registry<{ id: string }>();
  input.add(ZCompareRequest, { id: "CompareRequest" });
  const schemas = {
    ...(z.toJSONSchema(output, { io: "output", uri }).schemas as Record<string, TJsonObject>),
    ...(z.toJSONSchema(input, { io: "input", uri }).schemas as Record<string, TJsonObject>),
  };
  // The document's dialect (OpenAPI 3.1's default) applies; a per-schema $schema would only repeat it.
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    // zod names each with its reference ("#/components/schemas/…"), which is no valid $id.
    delete s.$id;
  }
  return schemas;
}

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

function errorResponse(description: string, headers?: TJsonObject): TJsonObject {
  return { description, content: json("Error"), ...(headers ? { headers } : {}) };
}

const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before calling again.", schema: { type: "integer", minimum: 1 } } };

const CODE_PARAMETER = {
  name: "code",
  in: "path",
  required: true,
  description: "Verification code as printed next to the QR code (XXXX-XXXX-XXXX); lower case, spaces and missing dashes are accepted.",
  schema: { type: "string" },
  example: "7KQ2-M4XD-9RTB",
};

// GET /api/v1/openapi.json. The server is this deployment's public address (APP_BASE_URL), so
// the paths resolve where the document was fetched from.
export function buildOpenApiDocument(baseUrl: string | undefined = process.env.APP_BASE_URL): TJsonObject {
  const es = VERIFICATION_TEXTS.es.institutions;
  const en = VERIFICATION_TEXTS.en.institutions;
  const common = {
    "404": errorResponse("Unknown or malformed verification code (NOT_FOUND)."),
    "429": errorResponse("Too many requests from this client (RATE_LIMITED).", RETRY_AFTER),
    "500": errorResponse("Unexpected error (INTERNAL_ERROR); the body carries a requestId to quote to support."),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Certifica — Verification API / API de verificación",
      version: "1.0.0",
      summary: "Verify documents certified electronically by Guatemala's Ministry of Education.",
      description: [
        en.intro,
        en.limits(RATE_LIMITS.api.limit, RATE_LIMITS.compare.limit),
        en.errorsText,
        "",
        es.intro,
        es.limits(RATE_LIMITS.api.limit, RATE_LIMITS.compare.limit),
        es.errorsText,
      ].join("\n\n"),
    },
    servers: [{ url: appUrl("", baseUrl) }],
    paths: {
      "/api/v1/verificaciones/{code}": {
        parameters: [CODE_PARAMETER],
        get: {
          operationId: "getVerification",
          summary: "Status and public data of a verification code",
          description: `${en.getText}\n\n${es.getText}`,
          responses: {
            "200": { description: "The document behind the code.", content: json("Verification") },
            ...common,
          },
        },
      },
      "/api/v1/verificaciones/{code}/comparar": {
        parameters: [CODE_PARAMETER],
        post: {
          operationId: "compareFile",
          summary: "Whether a file (by its SHA-256) is the issued file",
          description: `${en.compareText}\n\n${es.compareText}`,
          requestBody: { required: true, content: json("CompareRequest") },
          responses: {
            "200": { description: "The comparison; matches is false for any other file, and for a code with nothing issued.", content: json("CompareResult") },
            "400": errorResponse("The body is not JSON of the form {\"sha256\": \"<64 hex>\"} (INVALID_BODY)."),
            ...common,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: { "200": { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
