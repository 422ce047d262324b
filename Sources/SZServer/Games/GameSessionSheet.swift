import Foundation
import JSONSchema
import SZCore

/// A game's session sheet: the session-instance made from a session template (its fields are the campaign's
/// notes, setting, counters), the characters in play and the timestamped snapshots, which a session pack export
/// carries. `template` is the template itself when no installed pack provides it; `dependency` names the pack
/// that does.
struct GameSessionSheet: Equatable {
    var record: SessionRecord
    var template: JSONValue?
    var dependency: PackDependency?

    /// The sheet of a game made without a session template: the tabletop's own template with notes for everyone and
    /// notes for the GMs only.
    static func tabletop(name: String) -> GameSessionSheet {
        // The template is a constant of this file, checked by the session pack tests; it always decodes.
        let template = try? SessionTemplate(json: tabletopTemplate)
        let state =
            template?.makeInstance(id: "state", name: name)
            ?? Instance(kind: .session, id: "state", name: name, templateId: "tabletop", fields: [:])
        return GameSessionSheet(record: SessionRecord(state: state), template: tabletopTemplate)
    }

    static let tabletopTemplate: JSONValue = .object(
        JSONObject([
            ("id", .string("tabletop")), ("szType", .string("session-template")), ("name", .string("Tabletop game")),
            ("version", .string("1.0.0")), ("schemaVersion", .string(SchemaVersion.current)),
            (
                "sections",
                .array([
                    .object(
                        JSONObject([
                            ("id", .string("table")), ("name", .string("Table")),
                            (
                                "groups",
                                .array([
                                    .object(
                                        JSONObject([
                                            ("id", .string("notes")), ("name", .string("Notes")),
                                            (
                                                "fields",
                                                .array([
                                                    .object(
                                                        JSONObject([
                                                            ("id", .string("notes")), ("name", .string("Notes")),
                                                            ("type", .string("MultiText")),
                                                        ])
                                                    ),
                                                    .object(
                                                        JSONObject([
                                                            ("id", .string("gmNotes")), ("name", .string("GM notes")),
                                                            ("type", .string("MultiText")),
                                                            ("visibility", .string("gm")),
                                                        ])
                                                    ),
                                                ])
                                            ),
                                        ])
                                    )
                                ])
                            ),
                        ])
                    )
                ])
            ),
        ])
    )

    var storedJSON: String {
        var object = JSONObject([
            ("state", record.state.json), ("characters", .array(record.characters.map(\.json))),
            ("snapshots", .array(record.snapshots.map(\.json))),
        ])
        if let template { object["template"] = template }
        if let dependency {
            object["dependency"] = .object(
                JSONObject([
                    ("id", .string(dependency.id.packIDString)), ("name", .string(dependency.name)),
                    ("version", .string(dependency.version)),
                ])
            )
        }
        return JSONWriter.compact(.object(object))
    }

    init(record: SessionRecord, template: JSONValue? = nil, dependency: PackDependency? = nil) {
        self.record = record
        self.template = template
        self.dependency = dependency
    }

    /// Reads what `storedJSON` wrote; the server wrote it, so a failure is damaged storage.
    init(storedJSON: String) throws {
        let json = try JSONParser().parse(storedJSON)
        let object = json.objectValue ?? [:]
        let state = try Instance(json: object["state"] ?? .null, kind: .session)
        let characters = try (object["characters"]?.arrayValue ?? []).map { json in
            try Instance(json: json, kind: .character)
        }
        let snapshots = try (object["snapshots"]?.arrayValue ?? []).map { try SessionSnapshot(json: $0) }
        var dependency: PackDependency?
        if let link = object["dependency"]?.objectValue,
            let id = link["id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            let name = link["name"]?.stringValue, let version = link["version"]?.stringValue
        {
            dependency = PackDependency(id: id, name: name, version: version)
        }
        self.init(
            record: SessionRecord(state: state, characters: characters, snapshots: snapshots),
            template: object["template"],
            dependency: dependency
        )
    }
}
