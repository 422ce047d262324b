import Foundation
import JSONSchema
public import SZCore

/// Checks instances (characters, game sheets) against templates of installed packs, loading only the linked
/// dataset entries an instance names.
public struct InstanceChecker: Sendable {
    let store: Store
    let packs: PackLibrary

    public init(store: Store, packs: PackLibrary) {
        self.store = store
        self.packs = packs
    }

    /// Every problem of `instance` against `template`. `pack` is the installed pack that holds the template, among
    /// whose dependencies its links resolve; nil for a template of the game's own, whose List fields then can name
    /// no entry.
    public func problems(
        of instance: Instance,
        against template: some InstanceTemplate,
        in pack: PackRecord?
    ) async throws -> [ValidationProblem] {
        var datapacks: [UUID: Datapack] = [:]
        if let pack {
            for field in template.fields {
                guard let link = field.datasetLink else { continue }
                let named = instance.fields[field.id]?.arrayValue?.compactMap(\.stringValue) ?? []
                guard let target = try? await linkedPack(link.datapackId, from: pack),
                    let dataset = try await dataset(link.datasetId, of: target, only: named)
                else { continue }
                var loaded = try datapacks[target.packID] ?? Datapack(manifest: PackLibrary.storedManifest(of: target))
                loaded.datasets.removeAll { $0.id == dataset.id }
                loaded.datasets.append(dataset)
                datapacks[target.packID] = loaded
            }
        }
        return try PackCatalog(Array(datapacks.values)).validate(instance, against: template)
    }

    /// The installed pack a link from `pack` leads to: `pack` itself, or the version of the dependency that
    /// resolution picks among the packs the owner may see.
    func linkedPack(_ packID: UUID, from pack: PackRecord) async throws -> PackRecord {
        if packID == pack.packID { return pack }
        guard case .success(let chosen) = try await packs.resolve(pack, viewer: pack.ownerID),
            let target = chosen.first(where: { $0.packID == packID })
        else { throw CharacterLibraryError.dependencyMissing(packID.packIDString) }
        return target
    }

    /// A dataset of an installed pack holding only the entries named (those that exist).
    private func dataset(_ datasetID: String, of pack: PackRecord, only entryIDs: [String]) async throws -> Dataset? {
        guard let object = try await store.packs.object(of: pack.rowID, kind: .dataset, id: datasetID),
            var document = (try? JSONParser().parse(Array(object.document.utf8)))?.objectValue
        else { return nil }
        let entries = try await store.packs.entries(of: pack.rowID, dataset: datasetID, ids: entryIDs)
        var entriesObject = JSONObject()
        for entry in entries {
            entriesObject[entry.entryID] = try? JSONParser().parse(Array(entry.document.utf8))
        }
        document["entries"] = .object(entriesObject)
        return try? Dataset(json: .object(document))
    }
}
