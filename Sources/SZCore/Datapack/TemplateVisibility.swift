import JSONSchema

/// Who sees a part of a session template (a section, a group or a field) and its values: everyone at the
/// table, or only the game's GMs. A part is GM-only when it or a section or group around it says so.
public enum TemplateVisibility: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case all
    case gm

    public var description: String { rawValue }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> Self {
        let word = try Decode.string(value, at: pointer)
        guard let visibility = TemplateVisibility(rawValue: word) else {
            let known = allCases.map(\.rawValue)
            throw DatapackDecodingError(
                pointer: pointer,
                message: "unknown visibility \"\(word)\"\(Spelling.hint(for: word, among: known)); expected "
                    + "\"all\" (everyone at the table, the default) or \"gm\" (only the game's GMs)"
            )
        }
        return visibility
    }

    /// Only GM-only parts carry the key, so that templates without any read back as they were written.
    static func encode(_ visibility: Self, into object: inout JSONObject) {
        if visibility == .gm { object["visibility"] = .string(visibility.rawValue) }
    }
}
