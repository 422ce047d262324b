/// The address of a value in a dataset: `Entry.Field` or `Entry.Group.Field` (§5.4), where every part
/// is an id (names are for display and may repeat or change). Ids never contain `.`, so splitting
/// on `.` is unambiguous.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public var entryId: String
    public var groupId: String?
    public var fieldId: String

    public init(entryId: String, groupId: String? = nil, fieldId: String) {
        self.entryId = entryId
        self.groupId = groupId
        self.fieldId = fieldId
    }

    /// Parses `sword.damage` or `sword.stats.rarity`.
    public init(parsing text: String) throws(FieldPathError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { throw .malformed(text, reason: "expected Entry.Field or Entry.Group.Field") }
        guard parts.count <= 3 else {
            throw .malformed(text, reason: "has \(parts.count) parts; expected Entry.Field or Entry.Group.Field")
        }
        if let position = parts.firstIndex(where: \.isEmpty) {
            throw .malformed(text, reason: "part \(position + 1) is empty")
        }
        if let invalid = parts.first(where: { !Syntax.isIdentifier($0) }) {
            throw .malformed(text, reason: "\"\(invalid)\" is not a valid id")
        }
        self.init(entryId: parts[0], groupId: parts.count == 3 ? parts[1] : nil, fieldId: parts[parts.count - 1])
    }

    public var description: String {
        [entryId, groupId, fieldId].compactMap(\.self).joined(separator: ".")
    }
}

/// Why a field path could not be parsed or found in a dataset.
public enum FieldPathError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String, reason: String)
    case missingEntry(path: FieldPath, datasetId: String, suggestion: String?)
    case missingGroup(path: FieldPath, suggestion: String?)
    case missingField(path: FieldPath, suggestion: String?)

    public var description: String {
        switch self {
        case .malformed(let text, let reason):
            return "field path \"\(text)\" is malformed: \(reason)"
        case .missingEntry(let path, let datasetId, let suggestion):
            return "field path \"\(path)\": dataset \"\(datasetId)\" has no entry \"\(path.entryId)\""
                + Spelling.hint(suggestion)
        case .missingGroup(let path, let suggestion):
            return "field path \"\(path)\": entry \"\(path.entryId)\" has no group \"\(path.groupId ?? "")\""
                + Spelling.hint(suggestion)
        case .missingField(let path, let suggestion):
            let owner =
                path.groupId.map { "group \"\($0)\" of entry \"\(path.entryId)\"" } ?? "entry \"\(path.entryId)\""
            let level = path.groupId == nil ? "top-level field" : "field"
            return "field path \"\(path)\": \(owner) has no \(level) \"\(path.fieldId)\"" + Spelling.hint(suggestion)
        }
    }
}

extension Dataset {
    /// The value at `path`, or an error naming the first part that is not there.
    public func value(at path: FieldPath) throws(FieldPathError) -> FieldValue {
        guard let entry = entry(id: path.entryId) else {
            let suggestion = Spelling.suggestion(for: path.entryId, among: entries.map(\.id))
            throw .missingEntry(path: path, datasetId: id, suggestion: suggestion)
        }
        var fields = entry.topLevelFields
        if let groupId = path.groupId {
            guard let group = entry.group(id: groupId) else {
                throw .missingGroup(
                    path: path,
                    suggestion: Spelling.suggestion(for: groupId, among: entry.groups.map(\.id))
                )
            }
            fields = group.fields
        }
        guard let field = fields.first(where: { $0.id == path.fieldId }) else {
            throw .missingField(path: path, suggestion: Spelling.suggestion(for: path.fieldId, among: fields.map(\.id)))
        }
        return field.value
    }

    /// Parses `text` as a field path and returns the value there.
    public func value(at text: String) throws(FieldPathError) -> FieldValue {
        try value(at: FieldPath(parsing: text))
    }
}
