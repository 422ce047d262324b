import ArgumentParser
import Foundation
import JSONSchema
import SZCore
import SZPacks

struct PackNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new pack folder with a manifest and a first dataset, ready to validate.",
        discussion: "The folder is named after the pack (lowercase, words joined by '-') unless --output names it."
    )

    @Argument(help: "The pack's name, as people will see it.")
    var name: String

    @Option(name: .long, help: "The author shown in the manifest.")
    var author = "Unknown author"

    @Option(name: .long, help: "The licence of the content (an SPDX identifier).")
    var license = "CC-BY-SA-4.0"

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to create.", valueName: "DIR"))
    var output: String?

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the pack needs a name") }
        guard name.count <= 100 else { throw ValidationError("the name is \(name.count) characters; 100 at most") }
    }

    func run() async throws {
        let folder = output ?? slug(name)
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw inputError("\(folder) already exists; choose another name or --output DIR")
        }
        let pack = scaffold()
        let report = PackValidator().validate(PackArchiveContents(files: files(of: pack)))
        guard report.isValid else {
            // The scaffold is built from the model: a failure here is a bug, reported as such.
            throw inputError("the new pack would not be valid:\n" + report.text(for: folder))
        }
        do {
            for (path, bytes) in files(of: pack) {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try Data(bytes).write(to: url, options: .withoutOverwriting)
            }
            try FileManager.default.createDirectory(
                atPath: (folder as NSString).appendingPathComponent(PackLayout.images),
                withIntermediateDirectories: true
            )
        } catch {
            throw inputError("\(folder): cannot create the pack (\(error.localizedDescription))")
        }
        print("created \(folder): edit \(folder)/szpack.json and \(folder)/\(PackLayout.datasets)items.json, then run")
        print("  sessionzero pack validate \(folder)")
    }

    private func scaffold() -> Datapack {
        let manifest = PackManifest(
            id: UUID(),
            name: name,
            version: "0.1.0",
            author: author,
            license: license,
            description: "A new SessionZero datapack.",
            createdAt: Self.now(),
            sessionZeroVersion: SessionZeroRelease.version
        )
        let example = DatasetEntry(
            id: "example-item",
            name: "Example item",
            description: "Replace this entry with your own.",
            topLevelFields: [
                DatasetField(id: "weight", value: .number(JSONNumber(1))),
                DatasetField(id: "notes", value: .text("Anything players should know.")),
            ]
        )
        let items = Dataset(
            metadata: ObjectMetadata(id: "items", name: "Items", description: "Things to carry.", version: "0.1.0"),
            datasetType: "items",
            entries: [example]
        )
        return Datapack(manifest: manifest, datasets: [items])
    }

    private func files(of pack: Datapack) -> [String: [UInt8]] {
        pack.documents.mapValues { Array((JSONWriter.pretty($0)).utf8) }
    }

    private func slug(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "new-pack" : words.joined(separator: "-")
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
