public import FluentKit
import Foundation

/// Characters, each owned by one account.
public struct CharacterRepository: Sendable {
    let database: any Database

    public func create(
        ownerID: UUID,
        name: String,
        packID: UUID,
        packVersion: String,
        templateID: String,
        fields: String,
        now: Date
    ) async throws -> CharacterRecord {
        let model = CharacterModel()
        model.$owner.id = ownerID
        model.name = name
        model.packID = packID
        model.packVersion = packVersion
        model.templateID = templateID
        model.fields = fields
        model.createdAt = now
        model.updatedAt = now
        try await model.create(on: database)
        return try model.record()
    }

    public func find(id: UUID) async throws -> CharacterRecord? {
        try await CharacterModel.find(id, on: database)?.record()
    }

    /// An account's characters, most recently changed first.
    public func list(ownerID: UUID, offset: Int, limit: Int) async throws -> [CharacterRecord] {
        try await CharacterModel.query(on: database)
            .filter(\.$owner.$id == ownerID)
            .sort(\.$updatedAt, .descending)
            .sort(\.$id)
            .range(offset..<(offset + limit))
            .all()
            .map { try $0.record() }
    }

    /// Saves a new name and field values; nil when the character is gone.
    public func update(id: UUID, name: String, fields: String, now: Date) async throws -> CharacterRecord? {
        guard let model = try await CharacterModel.find(id, on: database) else { return nil }
        model.name = name
        model.fields = fields
        model.updatedAt = now
        try await model.update(on: database)
        return try model.record()
    }

    public func delete(id: UUID) async throws {
        try await CharacterModel.query(on: database).filter(\.$id == id).delete()
    }

    /// Names of characters made from templates of this pack version (which must therefore stay).
    public func names(usingPack packID: UUID, version: String) async throws -> [String] {
        try await CharacterModel.query(on: database)
            .filter(\.$packID == packID)
            .filter(\.$packVersion == version)
            .sort(\.$name)
            .all()
            .map(\.name)
    }
}

extension CharacterModel {
    func record() throws -> CharacterRecord {
        CharacterRecord(
            id: try requireID(),
            ownerID: $owner.id,
            name: name,
            packID: packID,
            packVersion: packVersion,
            templateID: templateID,
            fields: fields,
            createdAt: createdAt,
            updatedAt: updatedAt
        )
    }
}
