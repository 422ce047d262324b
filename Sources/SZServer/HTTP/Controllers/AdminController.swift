import Foundation
import Hummingbird
import SZStore

/// `/admin/…`: figures for the instance's admins (pyvtt's `/vtt/api/users`, which was public; this one is not).
struct AdminController {
    let store: Store
    let now: @Sendable () -> Date

    struct Usage: ResponseCodable {
        let accounts: Int
        /// Browser sessions that have not expired.
        let activeSessions: Int
        /// Accounts used in the last 24 hours and the last 7 days (activity is recorded at most once an hour).
        let accountsActiveLastDay: Int
        let accountsActiveLastWeek: Int
        /// Bytes the database takes, when the database tells cheaply; absent otherwise.
        let databaseBytes: Int?
    }

    func register(on routes: APIRoutes) {
        routes.on(.get, "/admin/usage") { request, context in
            _ = try context.requireAdmin()
            let time = now()
            let usage = Usage(
                accounts: try await store.users.count(),
                activeSessions: try await store.sessions.count(liveAt: time),
                accountsActiveLastDay: try await store.users.count(activeSince: time.addingTimeInterval(-86_400)),
                accountsActiveLastWeek: try await store.users.count(activeSince: time.addingTimeInterval(-7 * 86_400)),
                databaseBytes: try await store.databaseSize()
            )
            return try usage.response(from: request, context: context)
        }
    }
}
