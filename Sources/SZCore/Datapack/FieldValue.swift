public import JSONSchema

/// A typed field value. In JSON the value is untyped (`10`, `"Common"`, `true`, `["sword"]`); the type
/// comes from beside it (`{"type": "Number", "value": 10}` in a dataset) or from the template field.
public enum FieldValue: Sendable, Hashable {
    /// Any JSON number, kept exactly as written (no rounding through `Double`).
    case number(JSONNumber)
    /// One line of text: no line breaks.
    case text(String)
    /// Text that may span several lines.
    case multiText(String)
    case boolean(Bool)
    /// Ids of entries of the field's dataset, in order; an id may repeat (two healing potions).
    case list([String])

    public var type: FieldType {
        switch self {
        case .number: .number
        case .text: .text
        case .multiText: .multiText
        case .boolean: .boolean
        case .list: .list
        }
    }

    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The text of a Text or MultiText value.
    public var stringValue: String? {
        switch self {
        case .text(let text), .multiText(let text): text
        default: nil
        }
    }

    public var boolValue: Bool? {
        if case .boolean(let bool) = self { return bool }
        return nil
    }

    public var listValue: [String]? {
        if case .list(let ids) = self { return ids }
        return nil
    }

    /// The value a field of `type` holds when its template gives no default.
    public static func empty(_ type: FieldType) -> FieldValue {
        switch type {
        case .number: .number(JSONNumber(0))
        case .text: .text("")
        case .multiText: .multiText("")
        case .boolean: .boolean(false)
        case .list: .list([])
        }
    }

    /// The untyped JSON value, as written in packs and instances.
    public var json: JSONValue {
        switch self {
        case .number(let number): .number(number)
        case .text(let text), .multiText(let text): .string(text)
        case .boolean(let bool): .bool(bool)
        case .list(let ids): .array(ids.map(JSONValue.string))
        }
    }

    /// Reads an untyped JSON value as a value of `type`.
    public init(json: JSONValue, as type: FieldType) throws(FieldValueMismatch) {
        switch (type, json) {
        case (.number, .number(let number)): self = .number(number)
        case (.text, .string(let text)):
            // Only CR and LF, as the schema's pattern: other separators (U+2028) are ordinary characters here.
            guard !text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                throw FieldValueMismatch(
                    type: type,
                    location: .root,
                    reason: "needs a single line of text, found line breaks (use MultiText for several lines)"
                )
            }
            self = .text(text)
        case (.multiText, .string(let text)): self = .multiText(text)
        case (.boolean, .bool(let bool)): self = .boolean(bool)
        case (.list, .array(let items)):
            var ids: [String] = []
            for (index, item) in items.enumerated() {
                guard let id = item.stringValue, Syntax.isIdentifier(id) else {
                    let found = item.stringValue.map { "\"\($0)\", which is not a valid id" } ?? Decode.kind(of: item)
                    throw FieldValueMismatch(
                        type: type,
                        location: JSONPointer.root.appending(index),
                        reason: "needs entry ids, found \(found)"
                    )
                }
                ids.append(id)
            }
            self = .list(ids)
        default:
            throw FieldValueMismatch(
                type: type,
                location: .root,
                reason: "needs \(type.expectedValue), found \(Decode.kind(of: json))"
            )
        }
    }
}

/// A JSON value that does not fit a field type.
public struct FieldValueMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var type: FieldType
    /// Where inside the value the mismatch is: the root, or the offending item of a List.
    public var location: JSONPointer
    /// Completes "a Number field …": "needs a number, found a string".
    public var reason: String

    public var description: String { "a \(type) field \(reason)" }
}
