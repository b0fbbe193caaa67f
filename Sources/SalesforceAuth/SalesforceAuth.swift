// SalesforceAuth module: RS256 signing (OpenSSL via COpenSSL) and Salesforce JWT bearer assertions.
//
// - `RS256Signer` loads an RSA private key (PKCS#1 / PKCS#8, optionally encrypted) and signs.
// - `RS256Verifier` verifies RS256 signatures with a public key or certificate.
// - `JWTAssertion` builds the compact JWT that Salesforce's JWT bearer flow expects.
// - `AuthError` reports failures with an actionable sentence and OpenSSL's reason, never key material.
