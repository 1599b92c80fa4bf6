// Short names of the X.500 attributes Guatemalan signing certificates carry, as people read them in
// a distinguished name (CN=…, O=…); an attribute not listed prints as its OID. Shared by the server's
// certificate readers and the browser's "Firmará como …", so no Node import here.
export const NAME_ATTRIBUTE_SHORT_NAMES: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.42": "GN",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
};
