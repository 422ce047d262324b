public import Foundation
public import JSONSchema
public import SZCore

/// Characters made from the character templates of installed packs: created with the template's defaults,
/// changed only by their owner and only into values the template accepts.
public struct CharacterLibrary: Sendable {
    let store: Store
    let packs: PackLibrary
    let checker: InstanceChecker

    public init(store: Store, packs: PackLibrary) {
        self.store = store
        self.packs = packs
        checker = InstanceChecker(store: store, packs: packs)
    }

    /// A new character of `owner` from template `templateID` of an installed pack version.
    public func create(
        owner: UUID,
        packID: UUID,
        version: String,
        templateID: String,
        name: String,
        now: Date
    ) async throws -> CharacterRecord {
        let name = try Self.checkedName(name)
        let pack = try await packs.pack(packID, version: version, viewer: owner)
        let template = try await template(templateID, of: pack)
        let instance = template.makeInstance(
            id: UUID().uuidString.lowercased(),
            name: name,
            templateLink: InstanceTemplateLink(datapackId: packID, version: version)
        )
        return try await store.characters.create(
            ownerID: owner,
            name: name,
            packID: packID,
            packVersion: version,
            templateID: templateID,
            fields: JSONWriter.compact(.object(instance.fields)),
            now: now
        )
    }

    /// The character, when `viewer` owns it (characters are private to their owner for now).
    public func character(_ id: UUID, viewer: UUID) async throws -> CharacterRecord {
        guard let character = try await store.characters.find(id: id), character.ownerID == viewer else {
            throw CharacterLibraryError.notFound
        }
        return character
    }

    /// Renames the character and/or replaces the values of the given fields; the result must be valid
    /// against its template, or nothing changes and every problem is reported.
    public func update(
        _ id: UUID,
        by owner: UUID,
        name: String?,
        fields: JSONObject?,
        now: Date
    ) async throws -> CharacterRecord {
        let character = try await character(id, viewer: owner)
        var instance = try instance(of: character)
        if let name { instance.name = try Self.checkedName(name) }
        for (fieldID, value) in fields ?? [:] { instance.fields[fieldID] = value }
        let problems = try await validate(instance, packID: character.packID, version: character.packVersion)
        guard problems.isEmpty else { throw CharacterLibraryError.invalid(problems) }
        guard
            let updated = try await store.characters.update(
                id: id,
                name: instance.name,
                fields: JSONWriter.compact(.object(instance.fields)),
                now: now
            )
        else { throw CharacterLibraryError.notFound }
        return updated
    }

    /// An account's characters, most recently changed first.
    public func list(owner: UUID, offset: Int, limit: Int) async throws -> [CharacterRecord] {
        try await store.characters.list(ownerID: owner, offset: offset, limit: limit)
    }

    public func delete(_ id: UUID, by owner: UUID) async throws {
        _ = try await character(id, viewer: owner)
        try await store.characters.delete(id: id)
    }

    /// The character as a character-instance document (the published schema's shape).
    public func export(_ character: CharacterRecord) throws -> JSONValue {
        try instance(of: character).json
    }

    /// Stores a character-instance document as a new character of `owner`, if valid against its template,
    /// which its `templateLink` names (or which is the only visible template with its `templateId`).
    public func importCharacter(_ json: JSONValue, owner: UUID, now: Date) async throws -> CharacterRecord {
        let instance: Instance
        do {
            instance = try Instance(json: json, kind: .character)
        } catch {
            throw CharacterLibraryError.invalid([ValidationProblem(error)])
        }
        guard let link = instance.templateLink else {
            throw CharacterLibraryError.invalid([
                ValidationProblem(
                    pointer: JSONPointer.root.appending("templateLink"),
                    message: "an imported character needs a templateLink naming the pack and version of its template"
                )
            ])
        }
        let pack = try await packs.pack(link.datapackId, version: link.version, viewer: owner)
        _ = try await template(instance.templateId, of: pack)
        let problems = try await validate(instance, packID: pack.packID, version: pack.version)
        guard problems.isEmpty else { throw CharacterLibraryError.invalid(problems) }
        return try await store.characters.create(
            ownerID: owner,
            name: try Self.checkedName(instance.name),
            packID: pack.packID,
            packVersion: pack.version,
            templateID: instance.templateId,
            fields: JSONWriter.compact(.object(instance.fields)),
            now: now
        )
    }

    /// Entries a List field may hold: a page of its linked dataset, or of the entries matching `query`.
    public func options(
        of character: CharacterRecord,
        field fieldID: String,
        query: String?,
        offset: Int,
        limit: Int
    ) async throws -> [PackEntryRecord] {
        let pack = try await packs.pack(character.packID, version: character.packVersion, viewer: character.ownerID)
        let template = try await template(character.templateID, of: pack)
        guard let field = template.field(id: fieldID) else { throw CharacterLibraryError.noSuchField(fieldID) }
        guard let link = field.datasetLink else { throw CharacterLibraryError.notAListField(field.name) }
        let target = try await checker.linkedPack(link.datapackId, from: pack)
        if let query, !EntrySearchIndex.words(of: query).isEmpty {
            return try await store.packs.search(
                query,
                viewer: character.ownerID,
                in: (target.rowID, link.datasetId),
                offset: offset,
                limit: limit
            ).map(\.entry)
        }
        return try await store.packs.entries(of: target.rowID, dataset: link.datasetId, offset: offset, limit: limit)
    }

    private func template(_ templateID: String, of pack: PackRecord) async throws -> CharacterTemplate {
        guard let object = try await store.packs.object(of: pack.rowID, kind: .characterTemplate, id: templateID),
            let template = try? CharacterTemplate(json: JSONParser().parse(Array(object.document.utf8)))
        else {
            throw CharacterLibraryError.noSuchTemplate(templateID, pack: pack.name)
        }
        return template
    }

    private func instance(of character: CharacterRecord) throws -> Instance {
        let fields = (try? JSONParser().parse(Array(character.fields.utf8)))?.objectValue ?? [:]
        return Instance(
            kind: .character,
            id: character.id.uuidString.lowercased(),
            name: character.name,
            templateId: character.templateID,
            templateLink: InstanceTemplateLink(datapackId: character.packID, version: character.packVersion),
            fields: fields
        )
    }

    /// Problems of `instance` against its template, with only the linked entries it names loaded.
    private func validate(_ instance: Instance, packID: UUID, version: String) async throws -> [ValidationProblem] {
        guard let pack = try await store.packs.find(packID: packID, version: version) else {
            throw CharacterLibraryError.notFound
        }
        let template = try await template(instance.templateId, of: pack)
        return try await checker.problems(of: instance, against: template, in: pack)
    }

    static func checkedName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw CharacterLibraryError.invalid([
                ValidationProblem(
                    pointer: JSONPointer.root.appending("name"),
                    message: "a character's name has 1 to 100 characters"
                )
            ])
        }
        return trimmed
    }
}

public enum CharacterLibraryError: Error, Sendable, CustomStringConvertible {
    case notFound
    case noSuchTemplate(String, pack: String)
    case noSuchField(String)
    case notAListField(String)
    case dependencyMissing(String)
    case invalid([ValidationProblem])

    public var description: String {
        switch self {
        case .notFound: "there is no such character, or it is not yours"
        case .noSuchTemplate(let id, let pack): "pack \"\(pack)\" has no character template \"\(id)\""
        case .noSuchField(let id): "the character's template has no field \"\(id)\""
        case .notAListField(let name): "\"\(name)\" is not a List field linked to a dataset"
        case .dependencyMissing(let id): "pack \(id), which the template links to, is not installed"
        case .invalid(let problems): problems.map(\.description).joined(separator: "; ")
        }
    }
}
