public import Foundation

/// Who may see an installed pack: its uploader only, or every account of the instance.
public enum PackVisibility: String, Sendable, Codable, CaseIterable {
    case `private`
    case `public`
}

/// One installed version of a pack as the store hands it upward.
public struct PackRecord: Sendable, Equatable {
    public let rowID: UUID
    public let packID: UUID
    public let version: String
    public let name: String
    public let author: String
    public let license: String
    public let description: String?
    public let packType: String
    public let ownerID: UUID
    public let visibility: PackVisibility
    public let sha256: String
    public let size: Int
    public let uploadedAt: Date
    /// `szpack.json` as uploaded.
    public let manifest: String

    /// Whether `viewer` (nil for anonymous) may see the pack.
    public func isVisible(to viewer: UUID?) -> Bool {
        visibility == .public || viewer == ownerID
    }
}

/// What a new pack row holds; the store adds the row id.
public struct NewPack: Sendable {
    public var packID: UUID
    public var version: String
    public var name: String
    public var author: String
    public var license: String
    public var description: String?
    public var packType: String
    public var ownerID: UUID
    public var visibility: PackVisibility
    public var sha256: String
    public var size: Int
    public var uploadedAt: Date
    public var manifest: String
    public var objects: [PackObjectRecord]
    public var entries: [PackEntryRecord]
    public var media: [(path: String, sha256: String)]

    public init(
        packID: UUID,
        version: String,
        name: String,
        author: String,
        license: String,
        description: String?,
        packType: String,
        ownerID: UUID,
        visibility: PackVisibility,
        sha256: String,
        size: Int,
        uploadedAt: Date,
        manifest: String,
        objects: [PackObjectRecord],
        entries: [PackEntryRecord],
        media: [(path: String, sha256: String)]
    ) {
        self.packID = packID
        self.version = version
        self.name = name
        self.author = author
        self.license = license
        self.description = description
        self.packType = packType
        self.ownerID = ownerID
        self.visibility = visibility
        self.sha256 = sha256
        self.size = size
        self.uploadedAt = uploadedAt
        self.manifest = manifest
        self.objects = objects
        self.entries = entries
        self.media = media
    }
}

/// The kinds of object a pack holds, as stored.
public enum PackObjectKind: String, Sendable, CaseIterable {
    case dataset
    case characterTemplate = "character-template"
    case sessionTemplate = "session-template"
}

/// A dataset (metadata only; `document` without its entries) or a template (its whole document).
public struct PackObjectRecord: Sendable, Equatable {
    public let kind: PackObjectKind
    public let objectID: String
    public let name: String
    public let icon: String?
    public let datasetType: String?
    public let entryCount: Int
    public let document: String

    public init(
        kind: PackObjectKind,
        objectID: String,
        name: String,
        icon: String?,
        datasetType: String?,
        entryCount: Int,
        document: String
    ) {
        self.kind = kind
        self.objectID = objectID
        self.name = name
        self.icon = icon
        self.datasetType = datasetType
        self.entryCount = entryCount
        self.document = document
    }
}

/// One dataset entry: its document as in the pack, and the text it is found by.
public struct PackEntryRecord: Sendable, Equatable {
    public let datasetID: String
    public let entryID: String
    public let name: String
    public let searchText: String
    public let document: String

    public init(datasetID: String, entryID: String, name: String, searchText: String, document: String) {
        self.datasetID = datasetID
        self.entryID = entryID
        self.name = name
        self.searchText = searchText
        self.document = document
    }
}

/// A character as the store hands it upward; `fields` is the JSON object of values.
public struct CharacterRecord: Sendable, Equatable {
    public let id: UUID
    public let ownerID: UUID
    public let name: String
    public let packID: UUID
    public let packVersion: String
    public let templateID: String
    public let fields: String
    public let createdAt: Date
    public let updatedAt: Date
}
