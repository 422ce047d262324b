public import JSONSchema

/// A document that does not have the shape of the datapack format: what is wrong and where.
public struct DatapackDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document's path inside the pack (`objects/datasets/items.json`) when known.
    public var file: String?
    public var pointer: JSONPointer
    public var message: String

    public init(file: String? = nil, pointer: JSONPointer, message: String) {
        self.file = file
        self.pointer = pointer
        self.message = message
    }

    /// `objects/datasets/items.json: /entries/sword/topLevelFields/damage/type: unknown field type …`
    public var description: String {
        describeLocated(file: file, pointer: pointer, message: message)
    }

    func inFile(_ file: String) -> DatapackDecodingError {
        DatapackDecodingError(file: file, pointer: pointer, message: message)
    }
}

/// `file: pointer: message`, leaving out the parts that are unknown (no file) or empty (the root).
func describeLocated(file: String?, pointer: JSONPointer, message: String) -> String {
    let place = [file, pointer.tokens.isEmpty ? nil : pointer.description].compactMap(\.self)
    return (place + [message]).joined(separator: ": ")
}
