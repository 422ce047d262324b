import ArgumentParser
import Foundation
import Logging
import SZServer
import SZStore

struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Remove what has been unused for `expire` seconds, then exit.",
        discussion: """
            Does what the server does every day at cleanup.daytime: removes games nobody has played and accounts \
            nobody has used for `expire` seconds (admins never), with the files only they held. Prints every \
            removal; --dry-run prints what would be removed and changes nothing. It may run while the server runs.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .customLong("dry-run"), help: "Print what would be removed without removing anything.")
    var dryRun = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = dataOptions.folder(environment: environment)
        let settings: ServerSettings
        do {
            try folder.create()
            settings = try folder.loadSettings(environment: environment).parsed.settings
        } catch {
            throw inputError(error)
        }
        var logger = Logger(label: "sessionzero")
        logger.logLevel = .warning
        let report = try await withMigratedStore(folder: folder, environment: environment, logger: logger) { store in
            let blobs = BlobStore(folder: URL(fileURLWithPath: folder.path + "/blobs"))
            return try await Cleanup(store: store, blobs: blobs, expire: settings.expire, logger: logger)
                .run(now: Date(), dryRun: dryRun)
        }
        let verb = dryRun ? "would remove" : "removed"
        for item in report.removed { print("\(verb) \(item)") }
        guard let cutoff = report.cutoff else {
            print("expire is 0: nothing expires")
            return
        }
        print("\(verb) \(report.removed.count) item(s) unused since \(cutoff.formatted(.iso8601))")
    }
}
