extension AuthError.Kind {
    // Token endpoint answers (salesforce-api.md §1.6), each with its own sentence.
    public static let authenticationFailed = AuthError.Kind("authenticationFailed")
    public static let refreshTokenRevoked = AuthError.Kind("refreshTokenRevoked")
    public static let userNotPreAuthorized = AuthError.Kind("userNotPreAuthorized")
    public static let audienceInvalid = AuthError.Kind("audienceInvalid")
    public static let assertionExpired = AuthError.Kind("assertionExpired")
    public static let assertionInvalid = AuthError.Kind("assertionInvalid")
    public static let domainNotSupported = AuthError.Kind("domainNotSupported")
    public static let unknownConsumerKey = AuthError.Kind("unknownConsumerKey")
    public static let unsupportedGrantType = AuthError.Kind("unsupportedGrantType")
    public static let invalidRequest = AuthError.Kind("invalidRequest")
    public static let inactiveUser = AuthError.Kind("inactiveUser")
    public static let inactiveOrg = AuthError.Kind("inactiveOrg")
    public static let loginRateLimited = AuthError.Kind("loginRateLimited")
    // Transport and local failures around the token endpoint.
    public static let tokenEndpointUnreachable = AuthError.Kind("tokenEndpointUnreachable")
    public static let badTokenResponse = AuthError.Kind("badTokenResponse")
    public static let tokenStoreFailed = AuthError.Kind("tokenStoreFailed")
    /// Logged in, but the `/limits` check that follows failed.
    public static let limitsUnavailable = AuthError.Kind("limitsUnavailable")
}

extension AuthError {
    /// Kinds that no retry can fix: the credentials, the key or the connected app must change.
    static let permanentKinds: Set<Kind> = [
        .invalidGrant, .invalidClient, .authenticationFailed, .refreshTokenRevoked, .userNotPreAuthorized,
        .audienceInvalid, .assertionExpired, .assertionInvalid, .domainNotSupported, .unknownConsumerKey,
        .unsupportedGrantType, .invalidRequest, .inactiveUser, .inactiveOrg,
        .keyFileUnreadable, .malformedKey, .notAPrivateKey, .wrongPassphrase, .passphraseRequired,
        .unsupportedKeyType, .signingFailed, .assertionFailed,
    ]

    /// True when retrying the same login cannot succeed (the token provider remembers these
    /// and does not call the token endpoint again until the authorization changes).
    public var isPermanent: Bool { Self.permanentKinds.contains(kind) }
}
