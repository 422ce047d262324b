extension Command {
    /// A file a command names, with the member that names it as the protocol document writes it.
    public struct NamedFile: Equatable, Sendable {
        public var field: String
        public var blob: BlobID
    }

    /// The files the command puts on the table: token images, a scene's background, a music track. The game must
    /// hold each of them (uploaded to it, or brought from another of the GM's games), so that its clean-up and
    /// deletion keep them for as long as the table shows them.
    public var namedFiles: [NamedFile] {
        switch self {
        case .createTokens(_, let tokens):
            tokens.enumerated().map { NamedFile(field: "tokens/\($0.offset)/image", blob: $0.element.image) }
        case .updateScene(_, let update):
            if case .some(.some(let background)) = update.background {
                [NamedFile(field: "background", blob: background)]
            } else {
                []
            }
        case .music(_, .track(let track?)): [NamedFile(field: "track", blob: track)]
        default: []
        }
    }
}
