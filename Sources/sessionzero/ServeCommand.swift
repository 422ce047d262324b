import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SZCore
import SZServer
import SZStore
import SZTabletop

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server.",
        discussion: """
            Creates the data folder and its settings.json on first start, opens the database (SQLite in the data \
            folder, or PostgreSQL when DATABASE_URL is set), runs the migrations and listens (port 8080 by default). \
            SIGTERM or SIGINT stops it gracefully. docs/administration.md describes every setting.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Log debug messages.")
    var debug = false

    @Flag(help: "Log only warnings and errors.")
    var quiet = false

    @Flag(
        name: .customLong("local-gm"),
        help: "Links use this machine's network address instead of localhost; implies the developer login."
    )
    var localGM = false

    @Flag(help: "Listen on the loopback interface only (cannot be combined with --local-gm).")
    var localhost = false

    @Option(help: "The TCP port (default: hosting.port, 8080).")
    var port: Int?

    @Option(help: "The address to listen on (default: 0.0.0.0, every interface).")
    var host: String?

    @Option(help: "Listen on this unix socket instead of a TCP port, for a reverse proxy.")
    var socket: String?

    @Option(
        name: .customLong("command-rate"),
        help: ArgumentHelp(
            "Game commands each player may send per second, in bursts of twice as many (default: 30).",
            discussion: "Raise it only to measure the server with a load generator; it protects a game from a flood."
        )
    )
    var commandRate: Int?

    func validate() throws {
        if let commandRate, commandRate < 1 {
            throw ValidationError("--command-rate must be at least 1, not \(commandRate)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = dataOptions.folder(environment: environment)
        var options = ServeOptions()
        options.debug = debug
        options.quiet = quiet
        options.localGM = localGM
        options.localhost = localhost
        options.port = port
        options.host = host
        options.socket = socket

        let parsed: ServerSettings.Parsed
        let createdSettings: Bool
        let plan: LaunchPlan
        let tls: (certificate: String, privateKey: String)?
        let fancyURLs: FancyURLGenerator
        do {
            try folder.create()
            (parsed, createdSettings) = try folder.loadSettings(environment: environment)
            plan = try LaunchPlan.resolve(options: options, settings: parsed.settings, lanAddress: LANAddress.find)
            tls = plan.directTLS ? try folder.tlsFiles() : nil
            fancyURLs = try FancyURLWordFiles.load(dataFolder: folder)
        } catch let error as DataFolderError {
            throw inputError(error)
        } catch let error as LaunchError {
            throw inputError(error)
        }

        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = plan.logLevel
            return handler
        }
        var logger = Logger(label: "sessionzero")
        logger.logLevel = plan.logLevel
        if createdSettings { logger.info("wrote the default settings to \(folder.settingsFile)") }
        for warning in parsed.warnings { logger.warning("\(warning)") }
        if options.localGM { logger.info("--local-gm: developer login on, links use \(plan.publicURL)") }
        logger.debug("fancy URL word lists checked: \(fancyURLs.combinations) names")

        let store = try await openStore(folder: folder, environment: environment, logger: logger)
        logger.info("data folder \(folder.path), database: \(store.location)")
        if case .unixSocket(let path) = plan.listen { try removeStaleSocket(path, logger: logger) }
        do {
            let app = try await buildApplication(
                ServerEnvironment(
                    settings: parsed.settings,
                    plan: plan,
                    store: store,
                    blobs: BlobStore(folder: URL(fileURLWithPath: folder.path + "/blobs")),
                    rooms: roomConfiguration,
                    fancyURLs: fancyURLs
                ),
                tls: tls,
                logger: logger
            )
            try await app.runService()
        } catch let error as DataFolderError {
            throw inputError(error)
        }
        logger.info("stopped")
    }

    private var roomConfiguration: RoomConfiguration {
        var configuration = RoomConfiguration()
        if let commandRate { configuration.rateLimit = RateLimit(burst: 2 * commandRate, perSecond: commandRate) }
        return configuration
    }

    /// A socket file left by a previous run blocks the bind; anything else at that path is left alone.
    private func removeStaleSocket(_ path: String, logger: Logger) throws {
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else {
            return
        }
        guard type == .typeSocket else {
            throw inputError("--socket \(path) exists and is not a socket; choose another path")
        }
        try FileManager.default.removeItem(atPath: path)
        logger.info("removed the stale socket \(path)")
    }
}
