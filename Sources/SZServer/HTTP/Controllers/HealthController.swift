import Foundation
import Hummingbird
import Logging
import SZStore

/// `GET /health`: the server answers and its database too.
struct HealthController {
    let store: Store

    struct Health: ResponseCodable {
        let status: String
    }

    func register(on routes: APIRoutes) {
        routes.on(.get, "/health") { request, context in
            do {
                _ = try await store.users.count()
            } catch {
                context.logger.error(
                    "health check: the database does not answer",
                    metadata: ["error": "\(String(reflecting: error))"]
                )
                throw APIError(
                    status: .serviceUnavailable,
                    slug: "database-unavailable",
                    title: "The database does not answer",
                    detail: "the server runs but cannot reach its database"
                )
            }
            return try Health(status: "ok").response(from: request, context: context)
        }
    }
}
