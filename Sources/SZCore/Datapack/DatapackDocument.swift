public import JSONSchema

/// A JSON document of the datapack format that the model reads and writes: decoding checks everything
/// the v1 JSON Schemas check (and reports the first problem with its JSON pointer), and `json` writes it
/// back with the same content.
public protocol DatapackDocument: Sendable, Equatable {
    init(json: JSONValue) throws(DatapackDecodingError)
    var json: JSONValue { get }
}

/// The versions of the object format this SessionZero reads.
public enum SchemaVersion {
    /// The one schemaVersion of format v1; the JSON Schemas under `schemas/v1/` describe it.
    public static let current = "1.0.0"

    /// Refuses an object that declares another schemaVersion before its keys are read: a newer object
    /// is expected to have keys and field types this reader does not know, and "update SessionZero" is
    /// the useful message then, not "unknown key".
    static func requireSupported(in object: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) {
        if let declared = object["schemaVersion"] {
            _ = try decode(declared, at: pointer.appending("schemaVersion"))
        }
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> String {
        let declared = try Decode.string(value, at: pointer)
        guard declared == current else {
            throw DatapackDecodingError(
                pointer: pointer,
                message: "schemaVersion \"\(declared)\" is not supported: this SessionZero reads schemaVersion "
                    + "\(current) (a newer schemaVersion needs a newer SessionZero)"
            )
        }
        return declared
    }
}
