import ArgumentParser
import Foundation

@main
struct SessionZero: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessionzero",
        abstract: "A self-hostable tabletop-RPG platform with open datapacks.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, CleanupCommand.self, UserCommand.self, PackCommand.self,
            SchemaCommand.self,
        ]
    )

    /// Runs the command line with the project's exit codes: 0 success, 1 a failed check, 2 usage or input errors
    /// (ArgumentParser's own default for usage errors is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(CommandExit.usageOrInput.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// The exit codes every subcommand uses.
enum CommandExit {
    static let checkFailed = ExitCode(1)
    static let usageOrInput = ExitCode(2)
}
