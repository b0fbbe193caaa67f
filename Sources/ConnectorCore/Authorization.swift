/// How sfconnect logs in to one Salesforce org: the method and its credentials, where to log
/// in, how to trust TLS, which API version to speak and how much of the org's daily API limit
/// to leave to other integrations.
///
/// Loaded from YAML by `Definitions.AuthorizationLoader` (keys: README "Authorizations");
/// secrets are ``Secret`` values and never print.
public struct Authorization: Sendable, Hashable {
    /// The OAuth 2.0 flow and its credentials.
    public enum Method: Sendable, Hashable {
        case jwt(JWTBearer)
        case password(UsernamePassword)
        case refreshToken(RefreshToken)

        /// The YAML name of the method: `jwt`, `oauth2_password` or `oauth2_refresh_token`.
        public var name: String {
            switch self {
            case .jwt: return "jwt"
            case .password: return "oauth2_password"
            case .refreshToken: return "oauth2_refresh_token"
            }
        }
    }

    /// Where the JWT signing key comes from.
    public enum PrivateKey: Sendable, Hashable {
        /// A PEM file (absolute path, already resolved against the YAML file's folder).
        case file(String)
        /// The PEM text itself.
        case pem(Secret)
    }

    /// `method: jwt`: the JWT bearer flow (RS256 assertion, no client secret).
    public struct JWTBearer: Sendable, Hashable {
        public var consumerKey: String
        public var username: String
        public var privateKey: PrivateKey
        public var passphrase: Secret?
        /// An explicit `aud` claim; nil derives it from the login URL (login/test host).
        public var audience: String?

        public init(consumerKey: String, username: String, privateKey: PrivateKey,
                    passphrase: Secret? = nil, audience: String? = nil) {
            self.consumerKey = consumerKey
            self.username = username
            self.privateKey = privateKey
            self.passphrase = passphrase
            self.audience = audience
        }
    }

    /// `method: oauth2_password`: the username-password flow. Salesforce expects the password
    /// followed by the security token; an empty token works only from trusted IP ranges.
    public struct UsernamePassword: Sendable, Hashable {
        public var clientID: String
        public var clientSecret: Secret
        public var username: String
        public var password: Secret
        public var securityToken: Secret

        public init(clientID: String, clientSecret: Secret, username: String, password: Secret,
                    securityToken: Secret = Secret("")) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.username = username
            self.password = password
            self.securityToken = securityToken
        }
    }

    /// `method: oauth2_refresh_token`: the refresh-token flow. A rotated refresh token is
    /// persisted by the token provider's store and used from then on.
    public struct RefreshToken: Sendable, Hashable {
        public var clientID: String
        public var clientSecret: Secret
        public var refreshToken: Secret

        public init(clientID: String, clientSecret: Secret, refreshToken: Secret) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.refreshToken = refreshToken
        }
    }

    public static let productionLoginURL = "https://login.salesforce.com"
    public static let sandboxLoginURL = "https://test.salesforce.com"
    /// The API version used when none is configured.
    public static let defaultAPIVersion = "62.0"
    /// The share of the daily API limit left to other integrations when none is configured.
    public static let defaultReservePercent = 20

    public var method: Method
    /// The login host, without a trailing slash: login/test.salesforce.com, a My Domain URL, or
    /// a simulator. The token endpoint is `{loginURL}/services/oauth2/token`.
    public var loginURL: String
    /// True for a sandbox org (`sandbox: true`): the JWT audience is the test host.
    public var isSandbox: Bool
    /// A PEM CA bundle to trust in addition to nothing else (TLS is always verified).
    public var caFile: String?
    /// The REST API version without the `v`, e.g. `62.0`.
    public var apiVersion: String
    public var label: String?
    public var description: String?
    /// 0...99: the share of the org's daily API limit kept for other integrations.
    public var reservePercent: Int
    /// The name the authorization was referred to by (`authorization: prod`), if any.
    public var name: String?

    public init(method: Method, loginURL: String = Authorization.productionLoginURL, isSandbox: Bool = false,
                caFile: String? = nil, apiVersion: String = Authorization.defaultAPIVersion,
                label: String? = nil, description: String? = nil,
                reservePercent: Int = Authorization.defaultReservePercent, name: String? = nil) {
        self.method = method
        self.loginURL = loginURL
        self.isSandbox = isSandbox
        self.caFile = caFile
        self.apiVersion = apiVersion
        self.label = label
        self.description = description
        self.reservePercent = reservePercent
        self.name = name
    }

    /// The username the flow logs in as, when the method names one (not for refresh tokens).
    public var username: String? {
        switch method {
        case .jwt(let j): return j.username
        case .password(let p): return p.username
        case .refreshToken: return nil
        }
    }
}
