import Foundation

#if canImport(Glibc)
import Glibc
#endif

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
    /// Commands sent but not answered `grace` seconds after the last send (or after the window, if later).
    var backlog: Int
    /// How late the generator itself sent its most delayed command: a large value means the generator, not the
    /// server, fell behind.
    var sendLagMsMax: Double
    /// CPU time (user and system) from the first send to the end of the grace period, per command answered in it:
    /// the server's (with `--server-pid`) and the generator's own. Set-up is not counted, and CPU time moves
    /// less than throughput when other work shares the machine, so builds compare best by these.
    var serverCpuUsPerCommand: Double?
    var generatorCpuUsPerCommand: Double?

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

/// The CPU time a process has used, from /proc (Linux).
enum ProcessCPU {
    /// User and system time of `pid` (nil: this process) in microseconds.
    static func microseconds(of pid: Int32?) -> Int64? {
        let path = pid.map { "/proc/\($0)/stat" } ?? "/proc/self/stat"
        guard let stat = try? String(contentsOfFile: path, encoding: .utf8),
            let nameEnd = stat.lastIndex(of: ")")
        else { return nil }
        // After the parenthesised command name come the fields from the third (state) on; utime and stime are
        // the 14th and 15th, in clock ticks.
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Int64(fields[11]), let system = Int64(fields[12]) else { return nil }
        let ticksPerSecond = Int64(sysconf(Int32(_SC_CLK_TCK)))
        guard ticksPerSecond > 0 else { return nil }
        return (user + system) * 1_000_000 / ticksPerSecond
    }
}
