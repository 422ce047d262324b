import Foundation

/// The one JSON line a run prints.
struct LoadReport: Encodable, Sendable {
    var games: Int
    var players: Int
    var rate: Double
    var seconds: Double
    var sent: Int
    /// Events of other clients' commands received in all, each matched to its send.
    var receipts: Int
    /// Acks received within the window, per second of it.
    var acceptedPerS: Double
    /// Events of other clients' commands received within the window, per second of it.
    var deliveriesPerS: Double
    var errors: Int
    /// From when a command was due to when each other client of its game received its event.
    var latencyMs: Percentiles
    /// From opening the WebSocket to receiving the welcome with its snapshot.
    var connectMs: Percentiles
    var serverRssMib: Double?
    var serverPeakRssMib: Double?
    /// Commands sent but not answered `grace` seconds after the last send.
    var backlog: Int
    /// How late the generator itself sent its most delayed command: a large value means the generator, not the
    /// server, fell behind.
    var sendLagMsMax: Double

    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Only integers, finite doubles and optionals of them: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// Exact nearest-rank percentiles in milliseconds (every sample is kept, so nothing is approximated).
struct Percentiles: Encodable, Sendable, Equatable {
    var p50: Double?
    var p95: Double?
    var p99: Double?
    var max: Double?
}

extension Percentiles {
    init(nanoseconds samples: [Int64]) {
        let sorted = samples.sorted()
        func rank(_ fraction: Double) -> Double? {
            guard !sorted.isEmpty else { return nil }
            let index = Swift.max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1)
            return milliseconds(sorted[Swift.min(index, sorted.count - 1)])
        }
        p50 = rank(0.50)
        p95 = rank(0.95)
        p99 = rank(0.99)
        max = sorted.last.map(milliseconds)
    }
}

/// Milliseconds to the microsecond.
func milliseconds(_ nanoseconds: Int64) -> Double {
    Double(nanoseconds / 1000) / 1000
}

/// A process's resident memory from /proc (Linux), in MiB.
enum ResidentMemory {
    /// `field` is `VmRSS` (now) or `VmHWM` (peak).
    static func mebibytes(of pid: Int32, field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first
            return kilobytes.flatMap { Double($0) }.map { ($0 / 1024 * 100).rounded() / 100 }
        }
        return nil
    }
}
