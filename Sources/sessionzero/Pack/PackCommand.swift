import ArgumentParser
import Foundation
import JSONSchema
import SZCore
import SZPacks

struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Create, validate, build and inspect datapacks (.szp).",
        discussion: """
            A pack is a folder (szpack.json, objects/, media/) or the same folder zipped as a .szp file. \
            Exit status: 0 on success, 1 when a check fails (an invalid pack, unresolvable dependencies), \
            2 on usage or input errors (a missing file, an unreadable archive).
            """,
        subcommands: [
            PackNewCommand.self, PackValidateCommand.self, PackBuildCommand.self, PackExtractCommand.self,
            PackInspectCommand.self, PackResolveCommand.self, PackGetCommand.self,
        ]
    )
}

/// `--deps DIR`: the packs a pack's dependencies are chosen from.
struct DependencyOptions: ParsableArguments {
    @Option(
        name: .customLong("deps"),
        help: ArgumentHelp(
            "A folder of packs (folders or .szp files) the dependencies are chosen from.",
            valueName: "DIR"
        )
    )
    var folder: String?

    /// The packs offered, or nil without `--deps`.
    func load() throws -> [Datapack]? {
        guard let folder else { return nil }
        do {
            return try DependencyFolder.packs(in: folder)
        } catch {
            throw inputError(error)
        }
    }
}

/// Reading a pack folder or archive for a command, with input errors (exit 2) naming the path.
enum PackInput {
    static func load(_ path: String) throws(PackLoadError) -> PackArchiveContents {
        do {
            return try PackArchiveContents(packAtPath: path)
        } catch {
            // A file-system error already names its path.
            if case .fileSystem = error { throw PackLoadError(detail: error.description) }
            throw PackLoadError(path: path, detail: error.description)
        }
    }

    static func contents(at path: String) throws -> PackArchiveContents {
        do {
            return try load(path)
        } catch {
            throw inputError(error)
        }
    }

    static func datapack(at path: String) throws -> Datapack {
        do {
            return try load(path).datapack()
        } catch {
            throw inputError(PackLoadError(path: path, detail: error.detail))
        }
    }

    static func printJSON(_ value: JSONValue) {
        print(JSONWriter.pretty(value), terminator: "")
    }
}
