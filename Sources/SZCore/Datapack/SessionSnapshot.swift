public import Foundation
public import JSONSchema

/// The state of a game and its characters as they were at one moment (§5.8: "snapshots are versioned
/// with timestamps"). Stored as `snapshots/2025-10-15T18-30-00Z.json`: the UTC time with `-` for `:`,
/// which file systems accept everywhere and which sorts in time order.
public struct SessionSnapshot: DatapackDocument {
    public static let szType = "session-snapshot"

    /// RFC 3339 UTC to the second, e.g. `2025-10-15T18:30:00Z`.
    public var takenAt: String
    public var label: String?
    public var schemaVersion: String
    public var state: Instance
    public var characters: [Instance]

    public init(
        takenAt: Date,
        label: String? = nil,
        schemaVersion: String = SchemaVersion.current,
        state: Instance,
        characters: [Instance] = []
    ) {
        self.takenAt = takenAt.formatted(Date.ISO8601FormatStyle())
        self.label = label
        self.schemaVersion = schemaVersion
        self.state = state
        self.characters = characters
    }

    /// The snapshot's place in its pack.
    public var path: String {
        PackLayout.snapshots + takenAt.replacing(":", with: "-") + ".json"
    }

    public init(json: JSONValue) throws(DatapackDecodingError) {
        try SchemaVersion.requireSupported(in: json, at: .root)
        let reader = try ObjectReader(
            json,
            at: .root,
            allowedKeys: ["szType", "schemaVersion", "takenAt", "label", "state", "characters"],
            szTypes: [Self.szType]
        )
        try reader.requireType([Self.szType])
        schemaVersion = try reader.required("schemaVersion", SchemaVersion.decode)
        takenAt = try reader.required("takenAt", Decode.utcTimestamp)
        label = try reader.optional("label", Decode.string)
        state = try reader.required("state") { value, pointer throws(DatapackDecodingError) in
            try Instance(json: value, at: pointer, kinds: [.session])
        }
        let characters = Decode.array { value, pointer throws(DatapackDecodingError) in
            try Instance(json: value, at: pointer, kinds: [.character])
        }
        self.characters = try reader.optional("characters", characters) ?? []
    }

    public var json: JSONValue {
        var object = JSONObject([
            ("szType", .string(Self.szType)), ("schemaVersion", .string(schemaVersion)), ("takenAt", .string(takenAt)),
        ])
        object.setIfPresent("label", label.map(JSONValue.string))
        object["state"] = state.json
        if !characters.isEmpty { object["characters"] = .array(characters.map(\.json)) }
        return .object(object)
    }
}

/// What a session pack holds besides its manifest: the current state, the characters in play, and
/// snapshots, oldest first.
public struct SessionRecord: Sendable, Equatable {
    public var state: Instance
    public var characters: [Instance]
    public var snapshots: [SessionSnapshot]

    public init(state: Instance, characters: [Instance] = [], snapshots: [SessionSnapshot] = []) {
        self.state = state
        self.characters = characters
        self.snapshots = snapshots
    }

    /// Records the current state and characters as a snapshot taken at `date` (to the second).
    public mutating func takeSnapshot(at date: Date, label: String? = nil) throws(SnapshotConflict) {
        let snapshot = SessionSnapshot(takenAt: date, label: label, state: state, characters: characters)
        guard !snapshots.contains(where: { $0.takenAt == snapshot.takenAt }) else {
            throw SnapshotConflict(takenAt: snapshot.takenAt)
        }
        snapshots.append(snapshot)
        snapshots.sort { $0.takenAt < $1.takenAt }
    }
}

/// Two snapshots in the same second would share a file name.
public struct SnapshotConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public var takenAt: String

    public var description: String {
        "a snapshot taken at \(takenAt) already exists; snapshots are kept to the second"
    }
}
