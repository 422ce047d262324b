import Foundation

/// What to run: G games of N players sending R commands per second in all, for a bounded time.
struct LoadPlan: Sendable {
    /// `http://host:port` of a running server.
    var baseURL: String
    var games: Int
    var players: Int
    /// Commands per second summed over every client, paced open-loop.
    var rate: Double
    var seconds: Double
    /// The part of the commands that are dice rolls; the rest are token moves.
    var rollShare = 0.1
    /// How long to wait after the last send for the replies still on their way.
    var grace = 1.0
    /// The server's process, whose resident memory the report includes.
    var serverPID: Int32?

    var clients: Int { games * players }
    var commandsPerClient: Int { Int((rate / Double(clients) * seconds).rounded(.up)) }
    /// Nanoseconds between two commands of one client.
    var interval: Double { 1e9 * Double(clients) / rate }

    /// The server's host and port, read from `baseURL`.
    var address: (host: String, port: Int)? {
        guard let url = URL(string: baseURL), url.scheme == "http", let host = url.host, !host.isEmpty else {
            return nil
        }
        return (host, url.port ?? 80)
    }

    /// Why the plan cannot run, or nil.
    var problem: String? {
        if address == nil { return "--url must be http://HOST:PORT, not \"\(baseURL)\"" }
        if games < 1 || players < 2 { return "--games must be at least 1 and --players at least 2" }
        if !(rate > 0) || !(seconds > 0) { return "--rate and --seconds must be positive" }
        if !(0...1).contains(rollShare) { return "--roll-share must be between 0 and 1" }
        if commandsPerClient >= CommandNumber.capacity {
            return "each client would send \(commandsPerClient) commands; at most \(CommandNumber.capacity - 1)"
        }
        return nil
    }
}
