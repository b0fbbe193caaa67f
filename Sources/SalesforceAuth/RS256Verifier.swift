import COpenSSL
import Foundation

/// Verifies RS256 (RSASSA-PKCS1-v1_5 SHA-256) signatures with an RSA public key taken from a
/// `PUBLIC KEY` PEM or a `CERTIFICATE` PEM.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is immutable after loading and each `verify` call
/// uses its own `EVP_MD_CTX`.
public final class RS256Verifier: @unchecked Sendable {
    private let key: OpaquePointer

    public init(pem: String) throws {
        guard let frame = PEMFrame(pem) else {
            throw AuthError(.invalidPublicKey,
                            "The public key is not PEM-encoded; provide a -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- file.",
                            reason: "no complete -----BEGIN/-----END frame found")
        }
        let isCertificate = frame.labels.contains("CERTIFICATE")
        guard isCertificate || frame.labels.contains("PUBLIC KEY") else {
            throw AuthError(.invalidPublicKey,
                            "Provide the public key as a -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE----- PEM.",
                            reason: "unsupported PEM label '\(frame.labels[0])'")
        }
        OpenSSL.clearErrors()
        defer { OpenSSL.clearErrors() }
        let loaded: OpaquePointer?? = OpenSSL.withMemoryBIO(pem) { bio -> OpaquePointer? in
            if isCertificate {
                guard let cert = sfc_read_x509(bio) else { return nil }
                defer { X509_free(cert) }
                return X509_get_pubkey(cert)
            }
            return sfc_read_public_key(bio)
        }
        guard let key = loaded ?? nil else {
            throw AuthError(.invalidPublicKey, "The public key or certificate PEM could not be parsed; re-export it with `openssl rsa -pubout`.",
                            reason: OpenSSL.drainErrors() ?? "OpenSSL could not decode the key")
        }
        guard sfc_pkey_id(key) == sfc_pkey_rsa_type() else {
            EVP_PKEY_free(key)
            throw AuthError(.unsupportedKeyType, "Only RSA public keys can verify RS256 signatures; provide an RSA key.",
                            reason: "the key is not an RSA key")
        }
        self.key = key
    }

    deinit { EVP_PKEY_free(key) }

    /// True when `signature` is a valid RS256 signature of `data` under this key.
    public func verify(_ signature: Data, for data: Data) -> Bool {
        OpenSSL.clearErrors()
        defer { OpenSSL.clearErrors() }
        guard let ctx = sfc_md_ctx_new() else { return false }
        defer { sfc_md_ctx_free(ctx) }
        guard sfc_digest_verify_init_public(ctx, key) == 1 else { return false }
        let sig = [UInt8](signature), tbs = [UInt8](data)
        return sig.withUnsafeBufferPointer { s in
            tbs.withUnsafeBufferPointer { t in
                EVP_DigestVerify(ctx, s.baseAddress, s.count, t.baseAddress, t.count) == 1
            }
        }
    }
}
