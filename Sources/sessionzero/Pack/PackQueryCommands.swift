import ArgumentParser
import Foundation
import JSONSchema
import SZCore
import SZPacks

struct PackResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Choose a version of every pack a pack depends on, or explain why none fits.",
        discussion: "Exit status: 0 when the dependencies resolve, 1 when they cannot, 2 on unreadable input."
    )

    @Argument(help: "The pack folder or .szp file.")
    var path: String

    @OptionGroup var dependencies: DependencyOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard dependencies.folder != nil else {
            throw ValidationError("give --deps DIR, the folder of packs to choose from")
        }
    }

    func run() async throws {
        let pack = try PackInput.datapack(at: path)
        let available = try dependencies.load() ?? []
        let chosen: [PackManifest]
        do {
            chosen = try PackSelection().select(for: pack.manifest, among: available.map(\.manifest))
        } catch {
            if json {
                PackInput.printJSON(["resolved": false, "explanation": .string(error.description)])
            } else {
                print("\(pack.manifest.name) \(pack.manifest.version): the dependencies cannot be resolved")
                print(error.description)
            }
            throw CommandExit.checkFailed
        }
        if json {
            let versions = chosen.map { manifest -> JSONValue in
                [
                    "id": .string(manifest.id.packIDString), "name": .string(manifest.name),
                    "version": .string(manifest.version),
                ]
            }
            PackInput.printJSON(["resolved": true, "packs": .array(versions)])
        } else {
            print("\(pack.manifest.name) \(pack.manifest.version) resolves to:")
            if chosen.isEmpty { print("  (no dependencies)") }
            for manifest in chosen { print("  \(manifest.name) \(manifest.version) (\(manifest.id.packIDString))") }
        }
    }
}

struct PackGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print the value at a field path of a dataset entry.",
        discussion: """
            PATH is Entry.Field for a top-level field or Entry.Group.Field for a field in a group, \
            for example longsword.damage or longsword.properties.weight. The value is printed as JSON. \
            Exit status: 0 when the value is found, 1 when the dataset or path names nothing, 2 on unreadable input.
            """
    )

    @Argument(help: "The pack folder or .szp file.")
    var pack: String

    @Argument(help: "The dataset id.")
    var dataset: String

    @Argument(help: "The field path: Entry.Field or Entry.Group.Field.")
    var fieldPath: String

    func run() async throws {
        let loaded = try PackInput.datapack(at: pack)
        guard let dataset = loaded.dataset(id: dataset) else {
            let known = loaded.datasets.map(\.id).joined(separator: ", ")
            throw notFound(
                "pack \"\(loaded.manifest.name)\" has no dataset \"\(self.dataset)\" (its datasets: \(known.isEmpty ? "none" : known))"
            )
        }
        do {
            print(JSONWriter.compact(try dataset.value(at: fieldPath).json))
        } catch {
            throw notFound(error.description)
        }
    }
}

/// Prints why a lookup found nothing and ends with exit code 1.
private func notFound(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("sessionzero: \(message)\n".utf8))
    return CommandExit.checkFailed
}
