import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SZServer
import SZStore
import Testing

@Suite("/healthz and /metrics")
struct OperationsEndpointTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    @Test("/healthz answers a plain ok when the database answers", arguments: ScratchDatabase.available)
    func healthz(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let response = try await server.get("/healthz")
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
        }
    }

    @Test("/healthz answers 503 when the database does not")
    func healthzWithoutDatabase() async throws {
        var logger = Logger(label: "sessionzero.test")
        logger.logLevel = .critical
        let store = try Store(location: .postgres(url: "postgres://nobody:secret@127.0.0.1:1/none"), logger: logger)
        let plan = try LaunchPlan.resolve(options: ServeOptions(), settings: .defaults, lanAddress: { nil })
        let (router, _) = try await buildRouter(
            ServerEnvironment(
                settings: .defaults,
                plan: plan,
                store: store,
                blobs: scratchBlobs(),
                hasher: BcryptPasswordHasher(cost: 4)
            )
        )
        try await Application(router: router, logger: logger).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body) == "database unavailable\n")
        }
        await store.shutdown()
    }

    @Test("/metrics counts requests by route and status, times them, and reports the database and process")
    func metricsContent() async throws {
        try await withTestServer(on: .sqlite) { server in
            _ = try await server.get("/api/v1/health")
            _ = try await server.get("/api/v1/health")
            _ = try await server.get("/api/v1/no/such/thing")
            let response = try await server.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let text = String(buffer: response.body)
            #expect(text.contains("# TYPE sessionzero_http_requests_total counter\n"))
            #expect(
                text.contains(#"sessionzero_http_requests_total{method="GET",route="/api/v1/health",status="200"} 2"#)
            )
            #expect(text.contains(#"sessionzero_http_requests_total{method="GET",route="NotFound",status="404"} 1"#))
            #expect(text.contains("# TYPE sessionzero_http_request_duration_seconds histogram\n"))
            #expect(
                text.contains(
                    #"sessionzero_http_request_duration_seconds_bucket{method="GET",route="/api/v1/health",le="+Inf"} 2"#
                )
            )
            #expect(
                text.contains(
                    #"sessionzero_http_request_duration_seconds_count{method="GET",route="/api/v1/health"} 2"#
                )
            )
            // This scrape is in progress while it renders.
            #expect(text.contains("sessionzero_http_requests_in_flight 1\n"))
            #expect(text.contains("sessionzero_database_up 1\n"))
            #expect(text.contains("sessionzero_database_connections_max 1\n"))
            #expect(text.contains("sessionzero_database_size_bytes "))
            #expect(text.contains("process_start_time_seconds 1800000000\n"))
            let rss = try #require(text.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") })
            #expect((Int(rss.split(separator: " ")[1]) ?? 0) > 1_000_000)
        }
    }

    @Test(
        "/metrics is refused to forwarded clients and accounts that are not admins, and open to admins",
        arguments: ScratchDatabase.available
    )
    func metricsAccess(database: ScratchDatabase) async throws {
        try await withTestServer(on: database, settings: .behindProxy) { server in
            let fromOutside: HTTPFields = [Self.forwardedFor: "203.0.113.7"]
            try await server.get("/metrics", headers: fromOutside).expectProblem(.forbidden, "metrics-not-allowed")
            let admin = try await server.bearer(for: try await server.logIn("admin"))
            let user = try await server.bearer(for: try await server.logIn("player"))
            try await server.get("/metrics", headers: user + fromOutside).expectProblem(
                .forbidden,
                "metrics-not-allowed"
            )
            #expect(try await server.get("/metrics", headers: admin + fromOutside).status == .ok)
            // Forwarded for a client on the proxy's own machine: local.
            #expect(try await server.get("/metrics", headers: [Self.forwardedFor: "127.0.0.1"]).status == .ok)
        }
    }
}

extension HTTPFields {
    static func + (left: HTTPFields, right: HTTPFields) -> HTTPFields {
        var fields = left
        fields.append(contentsOf: right)
        return fields
    }
}
