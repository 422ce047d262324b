import JSONSchema

/// The field types of schemaVersion 1.0.0. New types arrive only with a new schemaVersion (see
/// docs/datapack-format.md, "Adding field types"), so this list is closed for a given version.
public enum FieldType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case number = "Number"
    case text = "Text"
    case multiText = "MultiText"
    case boolean = "Boolean"
    case list = "List"

    public var description: String { rawValue }

    /// What a value of this type is, for messages: "a Number field needs a number".
    var expectedValue: String {
        switch self {
        case .number: "a number"
        case .text: "a single line of text"
        case .multiText: "a string"
        case .boolean: "true or false"
        case .list: "an array of entry ids"
        }
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> FieldType {
        let name = try Decode.string(value, at: pointer)
        guard let type = FieldType(rawValue: name) else {
            let known = allCases.map(\.rawValue)
            throw DatapackDecodingError(
                pointer: pointer,
                message: "unknown field type \"\(name)\"; expected one of \(known.joined(separator: ", "))"
            )
        }
        return type
    }
}
