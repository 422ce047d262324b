import FluentKit

/// Every schema change, oldest first. Append only: a migration that has shipped is never edited or reordered,
/// because databases in the field remember which ones they ran by name.
enum AllMigrations {
    static let ordered: [any Migration] = [
        CreateUser(),
        CreateSession(),
        CreateAPIToken(),
        IndexUserActivity(),
        CreatePackLibrary(),
        CreateGame(),
        CreateGamePlayer(),
        CreateGameEvent(),
        CreateGameSnapshot(),
        CreateGameBlob(),
        CreateGameSession(),
        AddGameBlobThumbnail(),
        AddGameNextSession(),
    ]
}

extension Store {
    /// The names of every migration in order, for tests that check what a database ran.
    package static var migrationNames: [String] { AllMigrations.ordered.map(\.name) }
}
