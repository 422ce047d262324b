import FluentKit
import Foundation

// Fluent models mutate through property wrappers; these never leave SZStore or outlive one repository call.

/// One installed version of a pack: its manifest's identity, who uploaded it and who may see it.
final class PackModel: Model, @unchecked Sendable {
    static let schema = "packs"

    @ID(key: .id) var id: UUID?
    @Field(key: "pack_id") var packID: UUID
    @Field(key: "version") var version: String
    @Field(key: "name") var name: String
    @Field(key: "author") var author: String
    @Field(key: "license") var license: String
    @OptionalField(key: "description") var description: String?
    @Field(key: "pack_type") var packType: String
    @Parent(key: "owner_id") var owner: UserModel
    @Field(key: "visibility") var visibility: String
    /// Of the archive, which the blob store keeps under this name.
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_at") var uploadedAt: Date
    /// `szpack.json` as uploaded, for dependency resolution and display.
    @Field(key: "manifest") var manifest: String

    init() {}
}

/// A dataset or template of an installed pack. Datasets keep their metadata here (entries are rows of
/// `pack_entries`); templates keep their whole document.
final class PackObjectModel: Model, @unchecked Sendable {
    static let schema = "pack_objects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pack_row_id") var pack: PackModel
    @Field(key: "kind") var kind: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "name") var name: String
    @OptionalField(key: "icon") var icon: String?
    @OptionalField(key: "dataset_type") var datasetType: String?
    @Field(key: "entry_count") var entryCount: Int
    @Field(key: "document") var document: String

    init() {}
}

/// One dataset entry of an installed pack, with the text its full-text index is built from.
final class PackEntryModel: Model, @unchecked Sendable {
    static let schema = "pack_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pack_row_id") var pack: PackModel
    @Field(key: "dataset_id") var datasetID: String
    @Field(key: "entry_id") var entryID: String
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    /// Name, description and text values, indexed for full-text search.
    @Field(key: "search_text") var searchText: String
    @Field(key: "document") var document: String

    init() {}
}

/// A media file of an installed pack (`media/images/…`), kept in the blob store.
final class PackMediaModel: Model, @unchecked Sendable {
    static let schema = "pack_media"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pack_row_id") var pack: PackModel
    @Field(key: "path") var path: String
    @Field(key: "sha256") var sha256: String

    init() {}
}

/// A character: an instance of a character template, owned by an account.
final class CharacterModel: Model, @unchecked Sendable {
    static let schema = "characters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_id") var owner: UserModel
    @Field(key: "name") var name: String
    @Field(key: "pack_id") var packID: UUID
    @Field(key: "pack_version") var packVersion: String
    @Field(key: "template_id") var templateID: String
    /// The field values keyed by template field id, as a JSON object.
    @Field(key: "fields") var fields: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
