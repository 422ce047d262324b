/// One failed assertion, in the terms of the specification's "basic" output format.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// The JSON pointer of the keyword through the path evaluation took, `$ref`s included.
    public let keywordLocation: String
    /// The absolute URI of the keyword in the schema resource that holds it.
    public let absoluteKeywordLocation: String
    /// The JSON pointer of the offending value in the instance.
    public let instanceLocation: String
    public let message: String

    /// One line a person reads: where in the instance, what is wrong, and which keyword said so.
    public var description: String {
        "\(instanceLocation.isEmpty ? "(root)" : instanceLocation): \(message) [\(keywordLocation.isEmpty ? "/" : keywordLocation)]"
    }

    var basicOutputUnit: JSONValue {
        [
            "keywordLocation": .string(keywordLocation),
            "absoluteKeywordLocation": .string(absoluteKeywordLocation),
            "instanceLocation": .string(instanceLocation),
            "error": .string(message),
        ]
    }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable, Hashable {
    public let isValid: Bool
    public let errors: [ValidationError]

    /// The specification's "basic" output: `{"valid": …, "errors": [{keywordLocation, absoluteKeywordLocation,
    /// instanceLocation, error}]}`.
    public var basicOutput: JSONValue {
        var output: JSONObject = ["valid": .bool(isValid)]
        if !isValid { output["errors"] = .array(errors.map(\.basicOutputUnit)) }
        return .object(output)
    }

    /// One line per error, for people.
    public var lines: [String] { errors.map(\.description) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
