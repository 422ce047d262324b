import Foundation
import HTTPTypes
import JSONSchema
import SZCore
import SZStore

/// Games' session sheets in storage: reading them with their template, what each viewer may see of them, and
/// the GM's changes, checked like a character's and stored only when the whole change is valid.
struct GameSessionSheets {
    let store: Store
    let checker: InstanceChecker
    let writer: SessionSheetWriter

    /// The game's stored sheet, or the tabletop's own for a game made without one.
    func sheet(of game: GameRecord, name: String) async throws -> GameSessionSheet {
        try Self.sheet(stored: try await store.gameSessions.document(of: game.id), name: name)
    }

    private static func sheet(stored: String?, name: String) throws -> GameSessionSheet {
        guard let stored else { return .tabletop(name: name) }
        return try GameSessionSheet(storedJSON: stored)
    }

    /// The sheet's template: the one it carries, or the session template of the installed pack it depends on;
    /// nil when neither can be read.
    func template(of sheet: GameSessionSheet) async throws -> (template: SessionTemplate, pack: PackRecord?)? {
        if let json = sheet.template { return (try SessionTemplate(json: json), nil) }
        guard let dependency = sheet.dependency,
            let pack = try await store.packs.find(packID: dependency.id, version: dependency.version),
            let object = try await store.packs.object(
                of: pack.rowID,
                kind: .sessionTemplate,
                id: sheet.record.state.templateId
            )
        else { return nil }
        return (try SessionTemplate(json: JSONParser().parse(Array(object.document.utf8))), pack)
    }

    /// `{state, snapshots, template}` as `viewer` may see it: GMs get everything; everyone else gets the template
    /// without its GM-only parts and only the values of the fields left, so a GM-only value is never sent.
    func view(of sheet: GameSessionSheet, template: SessionTemplate?, forGM: Bool) -> JSONValue {
        var state = sheet.record.state
        var shownTemplate = template
        if !forGM {
            if let template {
                state = state.keepingValues(shownBy: template)
                shownTemplate = template.withoutGMOnlyParts
            } else {
                state.fields = [:]
            }
        }
        return .object(
            JSONObject([
                ("state", state.json), ("snapshots", .array(sheet.record.snapshots.map { .string($0.takenAt) })),
                ("template", shownTemplate?.json ?? .null),
            ])
        )
    }

    /// Replaces the values of `fields` in the game's sheet when the result fits its template; otherwise nothing
    /// changes and every problem is reported, each at its field.
    func update(_ game: GameRecord, name: String, fields: JSONObject) async throws -> JSONValue {
        try await change(game, name: name) { sheet in
            guard let (template, pack) = try await template(of: sheet) else { throw Self.templateMissing }
            var sheet = sheet
            for (fieldID, value) in fields { sheet.record.state.fields[fieldID] = value }
            let problems = try await checker.problems(of: sheet.record.state, against: template, in: pack)
            guard problems.isEmpty else { throw Self.invalid(problems) }
            return (sheet, view(of: sheet, template: template, forGM: true))
        }
    }

    /// Runs `change` on the game's sheet and stores the sheet it returns, with no other change in between. Changes
    /// on this server wait for each other; when another server on the same database stored a sheet after this one
    /// was read, `change` runs again on that newer sheet, so neither change is lost.
    func change<Result: Sendable>(
        _ game: GameRecord,
        name: String,
        _ change: @Sendable (GameSessionSheet) async throws -> (GameSessionSheet, Result)
    ) async throws -> Result {
        try await writer.exclusively {
            for _ in 0..<Self.attempts {
                let stored = try await store.gameSessions.document(of: game.id)
                let (sheet, result) = try await change(try Self.sheet(stored: stored, name: name))
                if try await store.gameSessions.replace(stored, with: sheet.storedJSON, for: game.id) { return result }
            }
            throw Self.keptChanging
        }
    }

    /// How often a change starts again from a sheet another server stored meanwhile before it gives up.
    static let attempts = 5

    static let keptChanging = APIError(
        status: .conflict,
        slug: "session-sheet-busy",
        title: "The session sheet kept changing",
        detail: "other changes to this game's sheet were saved while this one was being made; send it again"
    )

    static let templateMissing = APIError(
        status: .conflict,
        slug: "session-template-missing",
        title: "The sheet's template is not available",
        detail: "the pack holding this game's session template is not installed, so its sheet cannot be changed"
    )

    static func invalid(_ problems: [ValidationProblem]) -> APIError {
        var error = APIError(
            status: .unprocessableContent,
            slug: "invalid-session-sheet",
            title: "The session sheet does not fit its template",
            detail: problems.map(\.description).joined(separator: "; ")
        )
        error.errors = problems.map { APIError.FieldError(pointer: $0.pointer.description, detail: $0.message) }
        return error
    }
}

/// Runs one sheet change at a time on this node, so that two saves never start from the same sheet and one of them
/// is lost. An actor alone would not do: its methods interleave at every storage call.
actor SessionSheetWriter {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func exclusively<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
        defer {
            busy = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
