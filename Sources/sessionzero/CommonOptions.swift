import ArgumentParser
import Foundation
import Logging
import SZServer
import SZStore

/// `--data DIR`, shared by every command that touches the server's data.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder (default: ~/.local/share/sessionzero).")
    var data: String?

    func folder(environment: [String: String]) -> DataFolder {
        DataFolder(path: data ?? DataFolder.defaultPath(environment: environment))
    }
}

/// Prints an input error (bad settings, a contradictory flag, an unusable DATABASE_URL) and ends with exit code 2.
func inputError(_ message: some CustomStringConvertible) -> ExitCode {
    FileHandle.standardError.write(Data("sessionzero: \(message)\n".utf8))
    return CommandExit.usageOrInput
}

/// Opens the database named by DATABASE_URL, or the SQLite file of the data folder, and brings its schema up to date.
func openStore(folder: DataFolder, environment: [String: String], logger: Logger) async throws -> Store {
    do {
        try folder.create()
        let location = try DatabaseLocation(databaseURL: environment["DATABASE_URL"], dataFolder: folder.path)
        return try Store(location: location, logger: logger)
    } catch let error as DataFolderError {
        throw inputError(error)
    } catch let error as DatabaseLocationError {
        throw inputError(error)
    }
}

/// Runs `body` with a migrated store and closes the store afterwards, whether `body` succeeds or not.
func withMigratedStore<Result>(
    folder: DataFolder,
    environment: [String: String],
    logger: Logger,
    _ body: (Store) async throws -> Result
) async throws -> Result {
    let store = try await openStore(folder: folder, environment: environment, logger: logger)
    do {
        try await store.migrate()
        let result = try await body(store)
        await store.shutdown()
        return result
    } catch {
        await store.shutdown()
        throw error
    }
}
