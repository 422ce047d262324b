import JSONSchema

/// What the files of a pack must contain, checked by the reader on every decompressed entry and by
/// the writer before it packs: no archive inside the archive, every `*.json` file strict JSON
/// within the depth limit, and `szpack.json` at the root, holding a JSON object.
enum PackContentRules {
    static let manifestPath = "szpack.json"

    static func isJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }

    /// Nested archives are refused rather than stored unopened: a pack has no use for them and
    /// recursive zip bombs depend on them.
    static func isArchiveName(_ path: String) -> Bool {
        let lowercased = path.lowercased()
        return lowercased.hasSuffix(".zip") || lowercased.hasSuffix(".szp")
    }

    static func requireManifest(among paths: some Sequence<String>) throws(PackArchiveError) {
        if !paths.contains(where: { $0.utf8.elementsEqual(manifestPath.utf8) }) { throw .missingManifest }
    }

    static func check(_ path: String, bytes: [UInt8], limits: ArchiveLimits) throws(PackArchiveError) {
        if isArchiveName(path) || startsLikeZip(bytes) { throw .nestedArchive(entry: path) }
        guard isJSON(path) else { return }
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONParser(maximumDepth: limits.maximumJSONDepth).parse(bytes)
        } catch {
            throw .invalidJSON(path: path, error: error)
        }
        if path.utf8.elementsEqual(manifestPath.utf8), value.objectValue == nil {
            throw .manifestNotAnObject(found: describe(value))
        }
    }

    /// Local header, empty archive and spanned archive signatures.
    private static func startsLikeZip(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { return false }
        return [(3, 4), (5, 6), (7, 8)].contains { bytes[2] == $0.0 && bytes[3] == $0.1 }
    }

    private static func describe(_ value: JSONValue) -> String {
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
