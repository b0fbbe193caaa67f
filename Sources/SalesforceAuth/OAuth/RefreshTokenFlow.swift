import ConnectorCore
import Foundation
import Synchronization

/// `grant_type=refresh_token` (§1.2). When the endpoint rotates the refresh token, the new one
/// is saved to the store and used from then on (also by later runs that share the store); the
/// configured token is used until a rotated one exists.
final class RefreshTokenFlow: TokenFlow {
    let credentials: Authorization.RefreshToken
    let endpoint: TokenEndpoint
    let clock: any WallClock
    let store: any RefreshTokenStore
    let context: OAuthFailureContext
    /// The store key: a digest of client id and configured token, so editing the
    /// authorization's refresh_token starts afresh.
    let key: String
    /// The latest rotated token, also kept here in case the store cannot be written.
    private let latest = Mutex<Secret?>(nil)

    init(credentials: Authorization.RefreshToken, endpoint: TokenEndpoint, clock: any WallClock,
         store: any RefreshTokenStore, context: OAuthFailureContext) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.clock = clock
        self.store = store
        self.context = context
        key = RefreshTokenStoreKey.make(clientID: credentials.clientID, refreshToken: credentials.refreshToken)
    }

    func fetch() async throws -> TokenGrant {
        let current = try latest.withLock { $0 } ?? store.load(key: key) ?? credentials.refreshToken
        let grant = try await endpoint.request([("grant_type", "refresh_token"), ("refresh_token", current.reveal()),
                                                ("client_id", credentials.clientID),
                                                ("client_secret", credentials.clientSecret.reveal())],
                                               context: context, now: clock.now())
        if let rotated = grant.refreshToken, rotated != current {
            latest.withLock { $0 = rotated }
            try store.save(rotated, key: key)
        }
        return grant
    }
}
