public import JSONSchema

/// One thing wrong with otherwise well-formed content (a List item naming no entry, a link to a pack
/// that is not loaded …). Validation collects all of them instead of stopping at the first.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The document's path inside its pack, or nil for a standalone document such as a character.
    public var file: String?
    public var pointer: JSONPointer
    public var message: String

    public init(file: String? = nil, pointer: JSONPointer, message: String) {
        self.file = file
        self.pointer = pointer
        self.message = message
    }

    public var description: String {
        describeLocated(file: file, pointer: pointer, message: message)
    }
}
