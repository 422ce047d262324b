public import Foundation

/// The packs available to resolve links: one version of each pack id, as the dependency resolver chose
/// them. Links are resolved by pack id and object id; whether a link's `version` fits the loaded pack
/// is the resolver's decision, made before the catalog is built.
public struct PackCatalog: Sendable {
    public private(set) var packs: [Datapack]

    public init(_ packs: [Datapack]) throws(PackCatalogError) {
        self.packs = []
        for pack in packs {
            if let loaded = self.pack(id: pack.manifest.id) {
                throw PackCatalogError(
                    id: pack.manifest.id,
                    versions: [loaded.manifest.version, pack.manifest.version]
                )
            }
            self.packs.append(pack)
        }
    }

    public func pack(id: UUID) -> Datapack? {
        packs.first { $0.manifest.id == id }
    }

    public func dataset(_ link: DatasetLink) -> Dataset? {
        pack(id: link.datapackId)?.dataset(id: link.datasetId)
    }

    public func characterTemplate(_ link: CharacterTemplateLink) -> CharacterTemplate? {
        pack(id: link.datapackId)?.characterTemplate(id: link.templateId)
    }

    /// This catalog with `pack` in it, replacing a loaded version of the same pack.
    func including(_ pack: Datapack) -> PackCatalog {
        var catalog = self
        catalog.packs.removeAll { $0.manifest.id == pack.manifest.id }
        catalog.packs.append(pack)
        return catalog
    }

    /// Why `link`, which does not resolve, does not: its pack is not loaded, or has no such dataset.
    func unresolvedReason(_ link: DatasetLink) -> String {
        guard let pack = pack(id: link.datapackId) else { return "pack \(link.datapackId.packIDString) is not loaded" }
        let hint = Spelling.hint(for: link.datasetId, among: pack.datasets.map(\.id))
        return "pack \"\(pack.manifest.name)\" has no dataset \"\(link.datasetId)\"\(hint)"
    }

    /// Why `link`, which does not resolve, does not: its pack is not loaded, or has no such template.
    func unresolvedReason(_ link: CharacterTemplateLink) -> String {
        guard let pack = pack(id: link.datapackId) else { return "pack \(link.datapackId.packIDString) is not loaded" }
        let hint = Spelling.hint(for: link.templateId, among: pack.characterTemplates.map(\.id))
        return "pack \"\(pack.manifest.name)\" has no character template \"\(link.templateId)\"\(hint)"
    }
}

/// Two versions of one pack were given to a catalog, which holds one version per pack id.
public struct PackCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var id: UUID
    public var versions: [String]

    public var description: String {
        "pack \(id.packIDString) is given twice (versions \(versions.joined(separator: " and "))); "
            + "a catalog holds one version of each pack"
    }
}
