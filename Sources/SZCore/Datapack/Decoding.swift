import Foundation
import JSONSchema

/// Turns one JSON value found at a pointer into a model value, or fails with an error naming that pointer.
typealias ValueDecoder<Value> = (JSONValue, JSONPointer) throws(DatapackDecodingError) -> Value

/// Reads the keys of one closed JSON object: keys it does not know are refused (with a spelling hint)
/// before anything else, because a misspelt key is the likeliest mistake in a hand-written pack.
struct ObjectReader {
    let object: JSONObject
    let pointer: JSONPointer

    /// `szTypes`, when given, are checked before the keys: a document of another type has other keys,
    /// and "expected szType dataset" says more than "unknown key sections".
    init(
        _ value: JSONValue,
        at pointer: JSONPointer,
        allowedKeys: [String],
        szTypes: [String] = []
    ) throws(DatapackDecodingError) {
        guard let object = value.objectValue else {
            throw DatapackDecodingError(
                pointer: pointer,
                message: "expected an object, found \(Decode.kind(of: value))"
            )
        }
        if !szTypes.isEmpty, let found = object["szType"]?.stringValue, !szTypes.contains(found) {
            throw Self.wrongType(found, szTypes, at: pointer)
        }
        for key in object.keys where !allowedKeys.contains(key) {
            let hint = Spelling.hint(for: key, among: allowedKeys)
            throw DatapackDecodingError(
                pointer: pointer.appending(key),
                message: "unknown key \"\(key)\"\(hint); expected one of \(allowedKeys.joined(separator: ", "))"
            )
        }
        self.object = object
        self.pointer = pointer
    }

    func required<Value>(_ key: String, _ decode: ValueDecoder<Value>) throws(DatapackDecodingError) -> Value {
        guard let value = object[key] else {
            throw DatapackDecodingError(pointer: pointer, message: "missing required key \"\(key)\"")
        }
        return try decode(value, pointer.appending(key))
    }

    func optional<Value>(_ key: String, _ decode: ValueDecoder<Value>) throws(DatapackDecodingError) -> Value? {
        guard let value = object[key] else { return nil }
        return try decode(value, pointer.appending(key))
    }

    /// Reads `szType`, which must be one of `expected`.
    @discardableResult
    func requireType(_ expected: [String]) throws(DatapackDecodingError) -> String {
        let found = try required("szType", Decode.string)
        guard expected.contains(found) else { throw Self.wrongType(found, expected, at: pointer) }
        return found
    }

    private static func wrongType(
        _ found: String,
        _ expected: [String],
        at pointer: JSONPointer
    ) -> DatapackDecodingError {
        DatapackDecodingError(
            pointer: pointer.appending("szType"),
            message: "expected szType \(expected.map { "\"\($0)\"" }.joined(separator: " or ")), found \"\(found)\""
        )
    }
}

/// The decoders of the format's value syntaxes; each mirrors a `$defs` entry of `common.schema.json`.
enum Decode {
    static func string(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        guard let string = value.stringValue else { throw mismatch("a string", value, pointer) }
        return string
    }

    static func name(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        let name = try string(value, at: pointer)
        guard !name.isEmpty else { throw DatapackDecodingError(pointer: pointer, message: "must not be empty") }
        return name
    }

    static func bool(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> Bool {
        guard let bool = value.boolValue else { throw mismatch("true or false", value, pointer) }
        return bool
    }

    static func identifier(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        let text = try string(value, at: pointer)
        guard Syntax.isIdentifier(text) else { throw invalidIdentifier(text, at: pointer) }
        return text
    }

    static func invalidIdentifier(_ text: String, at pointer: JSONPointer) -> DatapackDecodingError {
        DatapackDecodingError(
            pointer: pointer,
            message: "\"\(text)\" is not a valid id: use 1 to 128 letters, digits, '-' or '_', "
                + "starting with a letter or digit (no '.')"
        )
    }

    static func packID(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> UUID {
        let text = try string(value, at: pointer)
        // Only lowercase is accepted, so that ids compare as the same strings everywhere they are written.
        guard Syntax.isLowercaseUUID(text), let id = UUID(uuidString: text) else {
            throw DatapackDecodingError(
                pointer: pointer,
                message: "\"\(text)\" is not a pack id: expected a lowercase UUID such as "
                    + "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62"
            )
        }
        return id
    }

    static func semanticVersion(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        try checked(value, at: pointer, Syntax.isSemanticVersion) {
            "is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.0"
        }
    }

    static func versionRange(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        try checked(value, at: pointer, Syntax.isVersionRange) {
            "is not a version range: expected for example ^1.2.0, ~1.2.0, =1.2.0, >=1.2.0 <2.0.0 or *"
        }
    }

    static func timestamp(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        try checked(value, at: pointer, Syntax.isTimestamp) {
            "is not an RFC 3339 date and time: expected for example 2025-10-15T00:00:00Z"
        }
    }

    static func utcTimestamp(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        try checked(value, at: pointer, Syntax.isUTCSecondTimestamp) {
            "is not a UTC time to the second: expected for example 2025-10-15T18:30:00Z"
        }
    }

    static func iconPath(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        try checked(value, at: pointer, Syntax.isIconPath) {
            "is not an image path: expected a path below media/images/ such as weapons/sword.svg, with parts not "
                + "starting with '.', ending in " + Syntax.imageExtensions.map { "." + $0 }.joined(separator: ", ")
        }
    }

    /// A string that `isValid` accepts; otherwise an error quoting it, followed by `problem`.
    private static func checked(
        _ value: JSONValue,
        at pointer: JSONPointer,
        _ isValid: (String) -> Bool,
        problem: () -> String
    ) throws(DatapackDecodingError) -> String {
        let text = try string(value, at: pointer)
        guard isValid(text) else {
            throw DatapackDecodingError(pointer: pointer, message: "\"\(text)\" " + problem())
        }
        return text
    }

    static func array<Element>(
        _ element: @escaping ValueDecoder<Element>
    ) -> ValueDecoder<[Element]> {
        { value, pointer throws(DatapackDecodingError) in
            guard let items = value.arrayValue else { throw mismatch("an array", value, pointer) }
            var decoded: [Element] = []
            for (index, item) in items.enumerated() { decoded.append(try element(item, pointer.appending(index))) }
            return decoded
        }
    }

    /// An object used as a map keyed by id, decoded in document order.
    static func keyed<Element>(
        _ element: @escaping (String, JSONValue, JSONPointer) throws(DatapackDecodingError) -> Element
    ) -> ValueDecoder<[Element]> {
        { value, pointer throws(DatapackDecodingError) in
            guard let object = value.objectValue else { throw mismatch("an object", value, pointer) }
            var decoded: [Element] = []
            for (key, item) in object {
                guard Syntax.isIdentifier(key) else { throw invalidIdentifier(key, at: pointer.appending(key)) }
                decoded.append(try element(key, item, pointer.appending(key)))
            }
            return decoded
        }
    }

    static func mismatch(_ expected: String, _ value: JSONValue, _ pointer: JSONPointer) -> DatapackDecodingError {
        DatapackDecodingError(pointer: pointer, message: "expected \(expected), found \(kind(of: value))")
    }

    /// How a JSON value's kind reads in a sentence: "a string", "an array" …
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Lets encoders write optional keys without a branch at every call site.
extension JSONObject {
    mutating func setIfPresent(_ key: String, _ value: JSONValue?) {
        if let value { self[key] = value }
    }
}
