import Foundation
import JSONSchema
import SZCore

/// How a validated pack is broken into rows: object documents, entries with their search text, media.
enum PackIndex {
    static func newPack(
        _ pack: Datapack,
        ownerID: UUID,
        visibility: PackVisibility,
        sha256: String,
        size: Int,
        manifest: String,
        media: [(path: String, sha256: String)],
        now: Date
    ) -> NewPack {
        var objects: [PackObjectRecord] = []
        var entries: [PackEntryRecord] = []
        for dataset in pack.datasets {
            var document = dataset.json.objectValue ?? [:]
            document["entries"] = nil
            objects.append(
                PackObjectRecord(
                    kind: .dataset,
                    objectID: dataset.id,
                    name: dataset.metadata.name,
                    icon: dataset.metadata.icon,
                    datasetType: dataset.datasetType,
                    entryCount: dataset.entries.count,
                    document: JSONWriter.compact(.object(document))
                )
            )
            for entry in dataset.entries {
                entries.append(
                    PackEntryRecord(
                        datasetID: dataset.id,
                        entryID: entry.id,
                        name: entry.name,
                        searchText: searchText(of: entry),
                        document: JSONWriter.compact(entry.json)
                    )
                )
            }
        }
        for template in pack.characterTemplates {
            objects.append(templateRecord(.characterTemplate, template))
        }
        for template in pack.sessionTemplates {
            objects.append(templateRecord(.sessionTemplate, template))
        }
        let manifestValues = pack.manifest
        return NewPack(
            packID: manifestValues.id,
            version: manifestValues.version,
            name: manifestValues.name,
            author: manifestValues.author,
            license: manifestValues.license,
            description: manifestValues.description,
            packType: manifestValues.packType.rawValue,
            ownerID: ownerID,
            visibility: visibility,
            sha256: sha256,
            size: size,
            uploadedAt: now,
            manifest: manifest,
            objects: objects,
            entries: entries,
            media: media
        )
    }

    private static func templateRecord(_ kind: PackObjectKind, _ template: some InstanceTemplate) -> PackObjectRecord {
        PackObjectRecord(
            kind: kind,
            objectID: template.id,
            name: template.metadata.name,
            icon: template.metadata.icon,
            datasetType: nil,
            entryCount: 0,
            document: JSONWriter.compact(template.json)
        )
    }

    /// The words an entry is found by: its id, name, description and the text of its Text and MultiText fields.
    static func searchText(of entry: DatasetEntry) -> String {
        let fields = entry.topLevelFields + entry.groups.flatMap(\.fields)
        let texts = fields.compactMap { field -> String? in
            switch field.value {
            case .text(let text), .multiText(let text): text
            default: nil
            }
        }
        return ([entry.id, entry.name, entry.description ?? ""] + texts).joined(separator: " ")
    }
}
