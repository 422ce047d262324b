public import FluentKit
import FluentSQL
import Foundation

/// Installed packs with their objects, entries and media.
public struct PackRepository: Sendable {
    let database: any Database

    /// Rows per insert statement: large packs are written in batches inside one transaction.
    private static let batchSize = 500

    /// Stores a pack and everything in it, all or nothing.
    public func insert(_ pack: NewPack) async throws -> PackRecord {
        try await database.transaction { database in
            let model = PackModel()
            model.packID = pack.packID
            model.version = pack.version
            model.name = pack.name
            model.author = pack.author
            model.license = pack.license
            model.description = pack.description
            model.packType = pack.packType
            model.$owner.id = pack.ownerID
            model.visibility = pack.visibility.rawValue
            model.sha256 = pack.sha256
            model.size = pack.size
            model.uploadedAt = pack.uploadedAt
            model.manifest = pack.manifest
            try await model.create(on: database)
            let rowID = try model.requireID()
            let objects = pack.objects.map { object in
                let row = PackObjectModel()
                row.$pack.id = rowID
                row.kind = object.kind.rawValue
                row.objectID = object.objectID
                row.name = object.name
                row.icon = object.icon
                row.datasetType = object.datasetType
                row.entryCount = object.entryCount
                row.document = object.document
                return row
            }
            try await objects.create(on: database)
            for (batchStart, batch) in pack.entries.chunked(into: Self.batchSize) {
                let rows = batch.enumerated().map { offset, entry in
                    let row = PackEntryModel()
                    row.$pack.id = rowID
                    row.datasetID = entry.datasetID
                    row.entryID = entry.entryID
                    row.position = batchStart + offset
                    row.name = entry.name
                    row.searchText = entry.searchText
                    row.document = entry.document
                    return row
                }
                try await rows.create(on: database)
            }
            let media = pack.media.map { file in
                let row = PackMediaModel()
                row.$pack.id = rowID
                row.path = file.path
                row.sha256 = file.sha256
                return row
            }
            try await media.create(on: database)
            return try model.record()
        }
    }

    public func find(packID: UUID, version: String) async throws -> PackRecord? {
        try await PackModel.query(on: database)
            .filter(\.$packID == packID)
            .filter(\.$version == version)
            .first()?
            .record()
    }

    /// Every installed pack, for dependency resolution and finding dependants.
    public func all() async throws -> [PackRecord] {
        try await PackModel.query(on: database).sort(\.$name).sort(\.$version).all().map { try $0.record() }
    }

    /// Packs `viewer` may see whose name, author or description contains `query` (any case), by name.
    public func list(viewer: UUID?, query: String?, offset: Int, limit: Int) async throws -> [PackRecord] {
        var builder = PackModel.query(on: database)
        builder = builder.group(.or) { visible in
            visible.filter(\.$visibility == PackVisibility.public.rawValue)
            if let viewer { visible.filter(\.$owner.$id == viewer) }
        }
        let words = query?.lowercased().filter { !"%_\\".contains($0) } ?? ""
        if !words.isEmpty {
            builder = builder.group(.or) { matches in
                for column in ["name", "author", "description"] {
                    matches.filter(
                        .custom(
                            SQLBinaryExpression(
                                left: SQLFunction("LOWER", args: SQLColumn(column)),
                                op: SQLBinaryOperator.like,
                                right: SQLBind("%" + words + "%")
                            )
                        )
                    )
                }
            }
        }
        return try await builder.sort(\.$name).sort(\.$version).range(offset..<(offset + limit)).all()
            .map { try $0.record() }
    }

    public func delete(rowID: UUID) async throws {
        try await PackModel.query(on: database).filter(\.$id == rowID).delete()
    }

    public func objects(of rowID: UUID) async throws -> [PackObjectRecord] {
        try await PackObjectModel.query(on: database).filter(\.$pack.$id == rowID).sort(\.$kind).sort(\.$objectID)
            .all().compactMap { $0.record() }
    }

    public func object(of rowID: UUID, kind: PackObjectKind, id: String) async throws -> PackObjectRecord? {
        try await PackObjectModel.query(on: database)
            .filter(\.$pack.$id == rowID)
            .filter(\.$kind == kind.rawValue)
            .filter(\.$objectID == id)
            .first()?
            .record()
    }

    /// A dataset's entries in document order, a page at a time.
    public func entries(of rowID: UUID, dataset: String, offset: Int, limit: Int) async throws -> [PackEntryRecord] {
        try await PackEntryModel.query(on: database)
            .filter(\.$pack.$id == rowID)
            .filter(\.$datasetID == dataset)
            .sort(\.$position)
            .range(offset..<(offset + limit))
            .all()
            .map { $0.record() }
    }

    /// The entries of a dataset with these ids (those that exist).
    public func entries(of rowID: UUID, dataset: String, ids: [String]) async throws -> [PackEntryRecord] {
        guard !ids.isEmpty else { return [] }
        return try await PackEntryModel.query(on: database)
            .filter(\.$pack.$id == rowID)
            .filter(\.$datasetID == dataset)
            .filter(\.$entryID ~~ ids)
            .sort(\.$position)
            .all()
            .map { $0.record() }
    }

    /// Entries matching every word of `query`, best first, among packs `viewer` may see (or one dataset).
    public func search(
        _ query: String,
        viewer: UUID?,
        in scope: (packRow: UUID, datasetID: String)? = nil,
        offset: Int,
        limit: Int
    ) async throws -> [(pack: PackRecord, entry: PackEntryRecord)] {
        let ids = try await EntrySearchIndex.search(
            query,
            viewer: viewer,
            in: scope,
            offset: offset,
            limit: limit,
            on: database
        )
        guard !ids.isEmpty else { return [] }
        let rows = try await PackEntryModel.query(on: database).filter(\.$id ~~ ids).with(\.$pack).all()
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row) } })
        return try ids.compactMap { id in
            guard let row = byID[id] else { return nil }
            return (try row.pack.record(), row.record())
        }
    }

    public func media(of rowID: UUID, path: String) async throws -> String? {
        try await PackMediaModel.query(on: database)
            .filter(\.$pack.$id == rowID)
            .filter(\.$path == path)
            .first()?
            .sha256
    }

    /// Whether any installed pack still names this blob (an archive or a media file).
    public func usesBlob(_ sha256: String) async throws -> Bool {
        if try await PackModel.query(on: database).filter(\.$sha256 == sha256).count() > 0 { return true }
        return try await PackMediaModel.query(on: database).filter(\.$sha256 == sha256).count() > 0
    }

    /// The media blobs of a pack, so they can be released when it goes.
    public func mediaHashes(of rowID: UUID) async throws -> [String] {
        try await PackMediaModel.query(on: database).filter(\.$pack.$id == rowID).all().map(\.sha256)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, each with the index of its first element.
    fileprivate func chunked(into size: Int) -> [(Int, ArraySlice<Element>)] {
        stride(from: 0, to: count, by: size).map { ($0, self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension PackModel {
    func record() throws -> PackRecord {
        PackRecord(
            rowID: try requireID(),
            packID: packID,
            version: version,
            name: name,
            author: author,
            license: license,
            description: description,
            packType: packType,
            ownerID: $owner.id,
            visibility: PackVisibility(rawValue: visibility) ?? .private,
            sha256: sha256,
            size: size,
            uploadedAt: uploadedAt,
            manifest: manifest
        )
    }
}

extension PackObjectModel {
    func record() -> PackObjectRecord? {
        guard let kind = PackObjectKind(rawValue: kind) else { return nil }
        return PackObjectRecord(
            kind: kind,
            objectID: objectID,
            name: name,
            icon: icon,
            datasetType: datasetType,
            entryCount: entryCount,
            document: document
        )
    }
}

extension PackEntryModel {
    func record() -> PackEntryRecord {
        PackEntryRecord(datasetID: datasetID, entryID: entryID, name: name, searchText: searchText, document: document)
    }
}
