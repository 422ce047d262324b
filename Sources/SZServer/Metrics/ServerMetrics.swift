public import Foundation
import Synchronization

/// The figures the server gathers as it runs: requests by method, route and status, their latencies, and the
/// requests in progress. `/metrics` renders them with figures measured at scrape time (database, memory).
public final class ServerMetrics: Sendable {
    struct RouteKey: Hashable {
        let method: String
        let route: String
    }

    struct RequestKey: Hashable {
        let route: RouteKey
        let status: Int
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latencies: [RouteKey: Histogram] = [:]
        var inFlight = 0
        var openSockets = 0
        var socketsOpened = 0
    }

    /// When the server started, for `process_start_time_seconds`.
    public let startTime: Date
    private let state = Mutex(State())

    public init(startTime: Date) {
        self.startTime = startTime
    }

    /// A game WebSocket passed its handshake.
    func socketOpened() {
        state.withLock {
            $0.openSockets += 1
            $0.socketsOpened += 1
        }
    }

    func socketClosed() {
        state.withLock { $0.openSockets -= 1 }
    }

    func requestStarted() {
        state.withLock { $0.inFlight += 1 }
    }

    /// `route` is the route's pattern (`/api/v1/me/tokens/{id}`), never the raw path, so the number of series stays
    /// bounded whatever clients ask for.
    func requestFinished(method: String, route: String, status: Int, seconds: Double) {
        let routeKey = RouteKey(method: method, route: route)
        state.withLock { state in
            state.inFlight -= 1
            state.requests[RequestKey(route: routeKey, status: status), default: 0] += 1
            state.latencies[routeKey, default: Histogram(bounds: Histogram.latencyBounds)].observe(seconds)
        }
    }

    func families() -> [MetricFamily] {
        let (requests, latencies, inFlight, openSockets, socketsOpened) = state.withLock {
            ($0.requests, $0.latencies, $0.inFlight, $0.openSockets, $0.socketsOpened)
        }
        let requestSamples = requests.sorted {
            ($0.key.route.route, $0.key.route.method, $0.key.status) < (
                $1.key.route.route, $1.key.route.method, $1.key.status
            )
        }
        .map { key, count in
            MetricFamily.Sample(
                labels: [("method", key.route.method), ("route", key.route.route), ("status", String(key.status))],
                value: Double(count)
            )
        }
        let latencySamples = latencies.sorted { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }
            .flatMap { key, histogram in histogram.samples(labels: [("method", key.method), ("route", key.route)]) }
        var families = [
            MetricFamily(
                name: "sessionzero_http_requests_total",
                help: "HTTP requests answered, by method, route pattern and status.",
                kind: .counter,
                samples: requestSamples
            ),
            MetricFamily(
                name: "sessionzero_http_request_duration_seconds",
                help: "Time from receiving a request to its response, by method and route pattern.",
                kind: .histogram,
                samples: latencySamples
            ),
            MetricFamily(
                name: "sessionzero_http_requests_in_flight",
                help: "HTTP requests being handled now.",
                kind: .gauge,
                samples: [.init(value: Double(inFlight))]
            ),
            MetricFamily(
                name: "sessionzero_game_sockets_open",
                help: "Game WebSockets connected now (past their handshake).",
                kind: .gauge,
                samples: [.init(value: Double(openSockets))]
            ),
            MetricFamily(
                name: "sessionzero_game_sockets_opened_total",
                help: "Game WebSockets that passed their handshake since the start.",
                kind: .counter,
                samples: [.init(value: Double(socketsOpened))]
            ),
            MetricFamily(
                name: "process_start_time_seconds",
                help: "Start time of the server since the Unix epoch in seconds.",
                kind: .gauge,
                samples: [.init(value: startTime.timeIntervalSince1970.rounded())]
            ),
        ]
        if let rss = ProcessFigures.residentMemoryBytes() {
            families.append(
                MetricFamily(
                    name: "process_resident_memory_bytes",
                    help: "Resident memory size in bytes.",
                    kind: .gauge,
                    samples: [.init(value: Double(rss))]
                )
            )
        }
        return families
    }
}
