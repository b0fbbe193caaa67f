import CCurl
import Foundation

extension TransportError.Kind {
    /// The transport error kind for a libcurl result code.
    static func from(curlCode code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_COULDNT_CONNECT: return .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST: return .dns
        case CURLE_COULDNT_RESOLVE_PROXY: return .proxy
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .invalidRequest
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionReset
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
             CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_INITFAILED:
            return .tls
        default: return .other
        }
    }
}

extension TransportError {
    /// An error for a failed transfer. `detail` holds libcurl's text only: never headers or bodies.
    static func curl(_ code: CURLcode, errorBuffer: String, url: String, requestID: String) -> TransportError {
        let summary = String(cString: curl_easy_strerror(code))
        let extra = errorBuffer.trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = extra.isEmpty || extra == summary ? "curl \(code.rawValue): \(summary)"
            : "curl \(code.rawValue): \(summary): \(TransportError.stripQueries(in: extra))"
        return TransportError(kind: .from(curlCode: code), url: url, requestID: requestID, detail: detail)
    }

    /// Removes query strings from URLs that libcurl may quote in its error text.
    static func stripQueries(in text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.contains("://") ? stripQuery(String(word)) : String(word)
        }.joined(separator: " ")
    }
}
