import COpenSSL
import ConnectorCore
import Foundation

/// Signs with RSASSA-PKCS1-v1_5 over SHA-256 (JWS "RS256") using an OpenSSL `EVP_PKEY`.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never mutated after loading, and every `sign`
/// call creates its own `EVP_MD_CTX`, so concurrent signing is safe (OpenSSL 3 documents
/// read-only shared use of an `EVP_PKEY` across threads as supported).
public final class RS256Signer: @unchecked Sendable {
    private let key: OpaquePointer
    /// The RSA modulus size in bits.
    public let keyBits: Int

    /// Loads a PEM-encoded RSA private key: PKCS#1 (`RSA PRIVATE KEY`, optionally with
    /// `Proc-Type: 4,ENCRYPTED`) or PKCS#8 (`PRIVATE KEY` / `ENCRYPTED PRIVATE KEY`).
    /// OpenSSL never prompts for a passphrase.
    public init(pem: String, passphrase: Secret?, path: String? = nil) throws {
        guard let frame = PEMFrame(pem) else {
            throw AuthError(.malformedKey,
                            "The private key is not PEM-encoded; provide a PEM file whose header line reads BEGIN PRIVATE KEY (PKCS#8) or BEGIN RSA PRIVATE KEY (PKCS#1).",
                            reason: "no complete -----BEGIN/-----END frame found", path: path)
        }
        guard frame.privateKeyLabel != nil else {
            if let label = frame.unsupportedPrivateLabel {
                throw AuthError(.unsupportedKeyType,
                                "Only RSA private keys can sign RS256 assertions; generate one with `openssl genrsa 2048` and upload its certificate to the connected app.",
                                reason: "found a '\(label)' block", path: path)
            }
            if let label = frame.publicLabel {
                throw AuthError(.notAPrivateKey,
                                "A public key or certificate was given where the RSA private key is required; point the connector at the private key file.",
                                reason: "found a '\(label)' block", path: path)
            }
            throw AuthError(.malformedKey,
                            "The PEM file holds no private key; provide an RSA private key in PKCS#1 or PKCS#8 PEM form.",
                            reason: "unrecognized PEM label '\(frame.labels[0])'", path: path)
        }
        let pass = passphrase.flatMap { $0.isEmpty ? nil : $0.reveal() }
        if frame.isEncrypted && pass == nil {
            throw AuthError(.passphraseRequired,
                            "The private key is encrypted; configure its passphrase.",
                            reason: "encrypted PEM and no passphrase given", path: path)
        }

        OpenSSL.clearErrors()
        defer { OpenSSL.clearErrors() }
        let loaded = OpenSSL.withMemoryBIO(pem) { bio in
            OpenSSL.withOptionalCString(pass) { sfc_read_private_key(bio, $0) }
        }
        guard let key = loaded ?? nil else {
            let reason = OpenSSL.drainErrors() ?? "OpenSSL could not decode the key"
            if frame.isEncrypted {
                throw AuthError(.wrongPassphrase,
                                "The private key could not be decrypted; check the configured passphrase (or whether the file is corrupted).",
                                reason: reason, path: path)
            }
            throw AuthError(.malformedKey,
                            "The private key PEM could not be parsed; re-export it with `openssl pkcs8 -topk8 -nocrypt`.",
                            reason: reason, path: path)
        }
        let id = sfc_pkey_id(key)
        guard id == sfc_pkey_rsa_type() else {
            EVP_PKEY_free(key)
            let what = id == sfc_pkey_ec_type() ? "EC" : "non-RSA (type \(id))"
            throw AuthError(.unsupportedKeyType,
                            "Only RSA private keys can sign RS256 assertions; generate one with `openssl genrsa 2048` and upload its certificate to the connected app.",
                            reason: "the key is an \(what) key", path: path)
        }
        self.key = key
        self.keyBits = Int(sfc_pkey_bits(key))
    }

    /// Loads the private key from a PEM file.
    public convenience init(pemFile path: String, passphrase: Secret?) throws {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            throw AuthError(.keyFileUnreadable, "The private key file could not be read; check the path and its permissions.",
                            reason: (error as NSError).localizedFailureReason ?? "read failed", path: path)
        }
        try self.init(pem: text, passphrase: passphrase, path: path)
    }

    deinit { EVP_PKEY_free(key) }

    /// RSASSA-PKCS1-v1_5 SHA-256 signature of `data`.
    public func sign(_ data: Data) throws -> Data { try sign([UInt8](data)) }

    /// RSASSA-PKCS1-v1_5 SHA-256 signature of `bytes`.
    public func sign(_ bytes: [UInt8]) throws -> Data {
        OpenSSL.clearErrors()
        defer { OpenSSL.clearErrors() }
        guard let ctx = sfc_md_ctx_new() else { throw signingError() }
        defer { sfc_md_ctx_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, sfc_sha256(), nil, key) == 1 else { throw signingError() }
        return try bytes.withUnsafeBufferPointer { tbs -> Data in
            var length = 0
            guard EVP_DigestSign(ctx, nil, &length, tbs.baseAddress, tbs.count) == 1, length > 0 else {
                throw signingError()
            }
            var signature = [UInt8](repeating: 0, count: length)
            guard EVP_DigestSign(ctx, &signature, &length, tbs.baseAddress, tbs.count) == 1 else {
                throw signingError()
            }
            return Data(signature.prefix(length))
        }
    }

    private func signingError() -> AuthError {
        AuthError(.signingFailed, "Signing with the RSA private key failed; check that the key is a valid RSA key.",
                  reason: OpenSSL.drainErrors() ?? "EVP_DigestSign failed")
    }
}
