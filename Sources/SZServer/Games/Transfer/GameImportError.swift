import HTTPTypes

/// Why an uploaded game (an export, a pyvtt ZIP, a session pack) cannot become a game: the file in the archive,
/// the place inside it as a JSON pointer when there is one, and what is wrong.
struct GameImportError: Error, Equatable, CustomStringConvertible {
    let file: String
    let pointer: String?
    let message: String

    init(file: String, pointer: String? = nil, _ message: String) {
        self.file = file
        self.pointer = pointer
        self.message = message
    }

    var description: String {
        "\(file)\(pointer.map { " at \($0.isEmpty ? "/" : $0)" } ?? ""): \(message)"
    }

    var problem: APIError {
        APIError(
            status: .unprocessableContent,
            slug: "invalid-game-archive",
            title: "The game cannot be imported",
            detail: description
        )
    }
}
