public import Foundation
import JSONSchema
public import SZCore
public import SZPacks

/// The instance's pack library: uploads validated by the pack pipeline before anything is stored (all or
/// nothing), archives kept byte-identical in the blob store, objects and entries indexed for reading and
/// search, and deletion refused while something depends on a pack.
public struct PackLibrary: Sendable {
    let store: Store
    let blobs: BlobStore
    let limits: ArchiveLimits

    public init(store: Store, blobs: BlobStore, limits: ArchiveLimits = ArchiveLimits()) {
        self.store = store
        self.blobs = blobs
        self.limits = limits
    }

    /// Validates and installs an uploaded `.szp`. Uploading the same bytes again returns the installed pack;
    /// a different archive under an installed id and version is refused.
    public func install(
        _ archive: [UInt8],
        owner: UUID,
        visibility: PackVisibility,
        now: Date
    ) async throws -> PackRecord {
        let contents: PackArchiveContents
        do {
            contents = try PackArchiveReader(limits: limits).read(archive)
        } catch {
            throw PackLibraryError.unreadableArchive(error.description)
        }
        let report = PackValidator(limits: limits).validate(
            contents,
            dependencies: try await dependencyCandidates(of: contents, viewer: owner)
        )
        guard let pack = report.pack else { throw PackLibraryError.invalid(report) }
        let sha256 = BlobStore.sha256(of: archive)
        if let installed = try await store.packs.find(packID: pack.manifest.id, version: pack.manifest.version) {
            guard installed.sha256 == sha256 else {
                throw PackLibraryError.versionExists(name: installed.name, version: installed.version)
            }
            return installed
        }
        try blobs.store(archive)
        var media: [(path: String, sha256: String)] = []
        for file in contents.files where file.path.hasPrefix(PackLayout.media) {
            media.append((file.path, try blobs.store(file.bytes)))
        }
        let manifestText = String(decoding: contents[PackLayout.manifest] ?? [], as: UTF8.self)
        return try await store.packs.insert(
            PackIndex.newPack(
                pack,
                ownerID: owner,
                visibility: visibility,
                sha256: sha256,
                size: archive.count,
                manifest: manifestText,
                media: media,
                now: now
            )
        )
    }

    /// The installed version, when `viewer` may see it.
    public func pack(_ packID: UUID, version: String, viewer: UUID?) async throws -> PackRecord {
        guard let pack = try await store.packs.find(packID: packID, version: version), pack.isVisible(to: viewer) else {
            throw PackLibraryError.notFound
        }
        return pack
    }

    /// The archive's bytes, exactly as uploaded.
    public func archive(of pack: PackRecord) throws -> [UInt8] {
        guard let bytes = try blobs.bytes(pack.sha256) else {
            throw PackLibraryError.storage("the archive of \(pack.name) \(pack.version) is missing from the blob store")
        }
        return bytes
    }

    /// Removes a pack its owner (or an admin) no longer wants, unless another pack or a character depends on it.
    public func delete(_ pack: PackRecord, by user: UserRecord) async throws {
        guard user.id == pack.ownerID || user.role == .admin else { throw PackLibraryError.forbidden }
        let dependants = try await dependants(of: pack)
        guard dependants.isEmpty else { throw PackLibraryError.hasDependants(dependants) }
        let media = try await store.packs.mediaHashes(of: pack.rowID)
        try await store.packs.delete(rowID: pack.rowID)
        // A game may hold the same bytes (an icon placed on its table): a blob goes only when nothing holds it.
        for hash in Set(media + [pack.sha256]) where try await !store.packs.usesBlob(hash) {
            guard try await !store.gameBlobs.isHeld(hash) else { continue }
            try blobs.remove(hash)
        }
    }

    /// The versions chosen for `pack`'s dependencies among the installed packs `viewer` may see.
    public func resolve(_ pack: PackRecord, viewer: UUID?) async throws -> Result<[PackRecord], PackSelectionError> {
        let installed = try await store.packs.all().filter { $0.isVisible(to: viewer) }
        let manifests = installed.compactMap(Self.manifest)
        guard let root = Self.manifest(of: pack) else { return .success([]) }
        do {
            let chosen = try PackSelection().select(for: root, among: manifests)
            return .success(
                chosen.compactMap { manifest in
                    installed.first { $0.packID == manifest.id && $0.version == manifest.version }
                }
            )
        } catch {
            return .failure(error)
        }
    }

    /// "pack Dungeon Extras 1.1.0", "character Aelric" and "game Tuesday" for everything that needs this pack version.
    func dependants(of pack: PackRecord) async throws -> [String] {
        let version = try? SemanticVersion(parsing: pack.version)
        var names: [String] = []
        for other in try await store.packs.all() where other.rowID != pack.rowID {
            guard let manifest = Self.manifest(of: other), let version else { continue }
            let needs = manifest.dependencies.contains { dependency in
                dependency.id == pack.packID
                    && ((try? VersionRange(parsing: dependency.effectiveRange))?.contains(version) ?? false)
            }
            if needs { names.append("pack \(other.name) \(other.version)") }
        }
        names += try await store.characters.names(usingPack: pack.packID, version: pack.version).map {
            "character \($0)"
        }
        // A game made from a session template names its pack as the `dependency` of its sheet.
        for (gameID, document) in try await store.gameSessions.allDocuments() {
            let dependency = (try? JSONParser().parse(Array(document.utf8)))?["dependency"]
            guard dependency?["id"]?.stringValue == pack.packID.packIDString,
                dependency?["version"]?.stringValue == pack.version,
                let game = try await store.games.find(id: gameID)
            else { continue }
            names.append("game \(game.name)")
        }
        return names
    }

    /// Every installed version (that the uploader may see) of the packs the upload depends on, directly or
    /// through other packs, read from their archives.
    private func dependencyCandidates(of contents: PackArchiveContents, viewer: UUID) async throws -> [Datapack] {
        guard let manifestBytes = contents[PackLayout.manifest],
            let json = try? JSONParser().parse(manifestBytes),
            let root = try? PackManifest(json: json)
        else { return [] }
        let installed = try await store.packs.all().filter { $0.isVisible(to: viewer) && $0.packID != root.id }
        let manifests = installed.map { ($0, Self.manifest(of: $0)) }
        var wanted = Set(root.dependencies.map(\.id))
        var grew = true
        while grew {
            let before = wanted.count
            for (record, manifest) in manifests where wanted.contains(record.packID) {
                wanted.formUnion(manifest?.dependencies.map(\.id) ?? [])
            }
            grew = wanted.count > before
        }
        var packs: [Datapack] = []
        for record in installed where wanted.contains(record.packID) {
            let archive = try archive(of: record)
            packs.append(try PackArchiveReader(limits: limits).read(archive).datapack(limits: limits))
        }
        return packs
    }

    static func manifest(of record: PackRecord) -> PackManifest? {
        guard let json = try? JSONParser().parse(Array(record.manifest.utf8)) else { return nil }
        return try? PackManifest(json: json)
    }

    /// The manifest of an installed pack, which was valid when it was installed.
    static func storedManifest(of record: PackRecord) throws -> PackManifest {
        guard let manifest = manifest(of: record) else {
            throw PackLibraryError.storage("the stored manifest of \(record.name) \(record.version) cannot be read")
        }
        return manifest
    }
}

/// Why the library refused an operation.
public enum PackLibraryError: Error, Sendable, CustomStringConvertible {
    case unreadableArchive(String)
    case invalid(PackValidationReport)
    case versionExists(name: String, version: String)
    case notFound
    case forbidden
    case hasDependants([String])
    case storage(String)

    public var description: String {
        switch self {
        case .unreadableArchive(let reason): "the upload is not a readable .szp archive: \(reason)"
        case .invalid(let report): "the pack is not valid: \(report.summary)"
        case .versionExists(let name, let version):
            "\(name) \(version) is already installed with different content; give the new content a new version"
        case .notFound: "there is no such pack, or it is private"
        case .forbidden: "only the pack's uploader or an admin may do this"
        case .hasDependants(let names): "other things depend on this pack: \(names.joined(separator: ", "))"
        case .storage(let reason): reason
        }
    }
}
