import JSONSchema
import SZCore
import SZPacks

/// What `pack inspect` shows: the manifest, the objects with their sizes, and the files.
struct PackSummary {
    let pack: Datapack
    let contents: PackArchiveContents
    let sha256: String

    private var manifest: PackManifest { pack.manifest }
    private var uncompressedSize: Int { contents.files.reduce(0) { $0 + $1.bytes.count } }
    /// Id, name and field count of each template.
    private var characterTemplates: [(String, String, Int)] {
        pack.characterTemplates.map { ($0.id, $0.metadata.name, $0.fields.count) }
    }
    private var sessionTemplates: [(String, String, Int)] {
        pack.sessionTemplates.map { ($0.id, $0.metadata.name, $0.fields.count) }
    }
    private var mediaCount: Int { contents.paths.filter { $0.hasPrefix(PackLayout.media) }.count }

    var text: String {
        var lines = [
            "\(manifest.name) \(manifest.version) (\(manifest.packType.rawValue) pack)",
            "  id:          \(manifest.id.packIDString)",
            "  author:      \(manifest.author)",
            "  license:     \(manifest.license)",
            "  created:     \(manifest.createdAt) with SessionZero \(manifest.sessionZeroVersion)",
        ]
        if let description = manifest.description { lines.append("  description: \(description)") }
        lines.append("dependencies: \(manifest.dependencies.isEmpty ? "none" : "")")
        for dependency in manifest.dependencies {
            lines.append("  \(dependency.name) \(dependency.effectiveRange) (\(dependency.id.packIDString))")
        }
        lines.append("datasets: \(pack.datasets.isEmpty ? "none" : "")")
        for dataset in pack.datasets {
            lines.append("  \(dataset.id): \(dataset.metadata.name), \(dataset.entries.count) \(dataset.datasetType)")
        }
        for (title, templates) in [
            ("character templates", characterTemplates), ("session templates", sessionTemplates),
        ] {
            lines.append("\(title): \(templates.isEmpty ? "none" : "")")
            for (id, name, fieldCount) in templates { lines.append("  \(id): \(name), \(fieldCount) fields") }
        }
        if let session = pack.session {
            lines.append("session: \(session.characters.count) characters, \(session.snapshots.count) snapshots")
        }
        lines.append(
            "files: \(contents.files.count) (\(mediaCount) media), \(uncompressedSize) bytes uncompressed"
        )
        lines.append("sha256: \(sha256)")
        return lines.map { $0.hasSuffix(": ") ? String($0.dropLast()) : $0 }.joined(separator: "\n")
    }

    var json: JSONValue {
        let datasets = pack.datasets.map { dataset -> JSONValue in
            [
                "id": .string(dataset.id), "name": .string(dataset.metadata.name),
                "datasetType": .string(dataset.datasetType), "entries": .number(JSONNumber(dataset.entries.count)),
            ]
        }
        func templates(_ list: [(String, String, Int)]) -> JSONValue {
            .array(list.map { ["id": .string($0.0), "name": .string($0.1), "fields": .number(JSONNumber($0.2))] })
        }
        return [
            "manifest": manifest.json,
            "datasets": .array(datasets),
            "characterTemplates": templates(characterTemplates),
            "sessionTemplates": templates(sessionTemplates),
            "files": .number(JSONNumber(contents.files.count)),
            "mediaFiles": .number(JSONNumber(mediaCount)),
            "uncompressedBytes": .number(JSONNumber(uncompressedSize)),
            "sha256": .string(sha256),
        ]
    }
}
