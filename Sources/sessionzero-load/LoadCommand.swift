import ArgumentParser
import Logging

@main
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessionzero-load",
        abstract: "Measure a running SessionZero server's game WebSockets under load; prints one JSON line.",
        discussion: """
            Creates --games games with --players players each (accounts, games and seats over HTTP), connects every \
            player, gives each a token, then has every client send token moves and dice rolls on a fixed schedule \
            (--rate commands per second in all) for --seconds. Reports accepted commands and deliveries per second, \
            the latency from a command's due time to each other client's receipt of its event, the connect time to \
            the welcome, the server's memory (with --server-pid) and the commands left unanswered. The server's \
            per-player rate limit (serve --command-rate) must allow --rate / (games x players) per second.
            """
    )

    @Option(help: "The server's base URL.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "Games played at once.")
    var games = 1

    @Option(help: "Players connected to each game.")
    var players = 8

    @Option(help: "Commands per second, summed over every client.")
    var rate = 100.0

    @Option(help: "How long to send, in seconds.")
    var seconds = 10.0

    @Option(help: "The part of the commands that are dice rolls (0 to 1); the rest move tokens.")
    var rollShare = 0.1

    @Option(help: "Seconds to wait after the last send for replies still on their way.")
    var grace = 1.0

    @Option(help: "The server's process id, to report its resident memory.")
    var serverPID: Int32?

    var plan: LoadPlan {
        LoadPlan(
            baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url,
            games: games,
            players: players,
            rate: rate,
            seconds: seconds,
            rollShare: rollShare,
            grace: grace,
            serverPID: serverPID
        )
    }

    func validate() throws {
        if let problem = plan.problem { throw ValidationError(problem) }
        guard url.hasPrefix("http://") else { throw ValidationError("--url must start with http:// (got \(url))") }
    }

    func run() async throws {
        var logger = Logger(label: "sessionzero.load")
        logger.logLevel = .warning
        let report = try await LoadRun(plan: plan, logger: logger).run()
        print(report.jsonLine())
    }
}
