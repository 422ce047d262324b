import ArgumentParser
import Foundation
import Logging
import SZServer
import SZStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts.",
        subcommands: [CreateUserCommand.self]
    )
}

struct CreateUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account.",
        discussion: """
            Prints a random initial password unless --password-stdin reads one from standard input. The first \
            account of an instance is an admin; --admin makes any new account one.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Give the account the admin role.")
    var admin = false

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordFromStandardInput = false

    @Argument(help: "The account name: letters, digits, '_', '-' and '.'.")
    var name: String

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = Logger(label: "sessionzero")
        let password = passwordFromStandardInput ? readLine(strippingNewline: true) ?? "" : generatedPassword()
        let folder = dataOptions.folder(environment: environment)
        let user = try await withMigratedStore(folder: folder, environment: environment, logger: logger) { store in
            let accounts = try await AccountService(
                store: store,
                hasher: BcryptPasswordHasher(),
                loginType: .password,
                limiter: LoginRateLimiter(now: { Date() }),
                now: { Date() }
            )
            do {
                return try await accounts.createAccount(name: name, admin: admin, password: password)
            } catch let error as AccountError {
                throw inputError(error)
            }
        }
        print("created the \(user.role.rawValue) account \(user.name)")
        if !passwordFromStandardInput {
            print("initial password (shown once; change it with POST /api/v1/me/password): \(password)")
        }
    }

    private func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
