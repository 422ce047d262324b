import Foundation
import Hummingbird
import Logging
import SZStore

/// `/healthz` for liveness probes and `/metrics` for Prometheus, at the server's root where those tools look.
///
/// `/metrics` answers only callers on this machine that no proxy spoke for (loopback or the unix socket without
/// forwarded headers) and admins (an admin's session or API token, e.g. Prometheus' `authorization` setting);
/// everyone else gets 403.
struct OperationsController {
    let store: Store
    let metrics: ServerMetrics

    func register(on routes: APIRoutes) {
        routes.onServerRoot(.get, "/healthz") { _, context in
            let healthy = await databaseCheck(context: context).up
            return Response(
                status: healthy ? .ok : .serviceUnavailable,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: healthy ? "ok\n" : "database unavailable\n"))
            )
        }
        routes.onServerRoot(.get, "/metrics") { _, context in
            guard context.origin.isLocal || context.user?.role == .admin else {
                throw APIError(
                    status: .forbidden,
                    slug: "metrics-not-allowed",
                    title: "Metrics are not public",
                    detail: "scrape /metrics from this machine, or with an admin's API token as Authorization: Bearer"
                )
            }
            let text = PrometheusText.render(metrics.families() + (await databaseFamilies(context: context)))
            return Response(
                status: .ok,
                headers: [.contentType: PrometheusText.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
    }

    /// A cheap query, timed; a failure is logged and reported as down.
    private func databaseCheck(context: AppRequestContext) async -> (up: Bool, seconds: Double) {
        let start = ContinuousClock.now
        do {
            _ = try await store.users.count()
            return (true, MetricsMiddleware.seconds(ContinuousClock.now - start))
        } catch {
            context.logger.error(
                "health check: the database does not answer",
                metadata: ["error": "\(String(reflecting: error))"]
            )
            return (false, MetricsMiddleware.seconds(ContinuousClock.now - start))
        }
    }

    private func databaseFamilies(context: AppRequestContext) async -> [MetricFamily] {
        let check = await databaseCheck(context: context)
        var families = [
            MetricFamily(
                name: "sessionzero_database_up",
                help: "1 when the database answered the check query of this scrape, else 0.",
                kind: .gauge,
                samples: [.init(value: check.up ? 1 : 0)]
            ),
            MetricFamily(
                name: "sessionzero_database_check_duration_seconds",
                help: "Time the check query of this scrape took.",
                kind: .gauge,
                samples: [.init(value: check.seconds)]
            ),
            MetricFamily(
                name: "sessionzero_database_connections_max",
                help: "Size of the database connection pool.",
                kind: .gauge,
                samples: [.init(value: Double(store.maximumConnections))]
            ),
        ]
        if check.up, let size = try? await store.databaseSize() {
            families.append(
                MetricFamily(
                    name: "sessionzero_database_size_bytes",
                    help: "Bytes the database takes on disk.",
                    kind: .gauge,
                    samples: [.init(value: Double(size))]
                )
            )
        }
        return families
    }
}
