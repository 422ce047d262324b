public import JSONSchema

/// One thing wrong with otherwise well-formed content (a List item naming no entry, a link to a pack
/// that is not loaded …). Validation collects all of them instead of stopping at the first.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    /// An error makes the pack unusable; a warning names something an author most likely wants to
    /// fix or know (an unused image, links that could not be checked) without refusing the pack.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error
        case warning
    }

    /// The document's path inside its pack, or nil for a standalone document such as a character.
    public var file: String?
    public var pointer: JSONPointer
    public var severity: Severity
    public var message: String

    public init(file: String? = nil, pointer: JSONPointer, severity: Severity = .error, message: String) {
        self.file = file
        self.pointer = pointer
        self.severity = severity
        self.message = message
    }

    public init(_ error: DatapackDecodingError) {
        self.init(file: error.file, pointer: error.pointer, message: error.message)
    }

    public var description: String {
        describeLocated(file: file, pointer: pointer, message: message)
    }
}
