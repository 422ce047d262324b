import ArgumentParser
import Foundation
import JSONSchema
import SZCore
import SZPacks

struct PackBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate a pack folder and zip it into a .szp file.",
        discussion: """
            The archive is deterministic: the same pack content always gives the same bytes and SHA-256. \
            An invalid pack is not built (exit 1).
            """
    )

    @Argument(help: "The pack folder.")
    var folder: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The .szp file to write.", valueName: "FILE.szp"))
    var output: String

    @OptionGroup var dependencies: DependencyOptions

    func run() async throws {
        let warnings = try validatedWarnings()
        // Read again for writing: validation let go of the documents' bytes as it read them.
        let archive: PackArchive
        do {
            archive = try PackArchiveWriter().write(folderAtPath: folder)
        } catch {
            throw inputError("\(folder): \(error)")
        }
        do {
            // Written beside the target and renamed, so a reader never sees half an archive.
            try Data(archive.bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw inputError("\(output): cannot write the archive (\(error.localizedDescription))")
        }
        for warning in warnings { print("warning: \(warning)") }
        for skipped in archive.skippedFiles { print("left out \(skipped.path) (\(skipped.reason))") }
        print("wrote \(output): \(archive.bytes.count) bytes, sha256 \(archive.sha256)")
    }

    /// Validates the folder and keeps only the warnings, so the pack read for validation is freed before the
    /// archive is written.
    private func validatedWarnings() throws -> [ValidationProblem] {
        let contents = try PackInput.contents(at: folder)
        var progress = ProgressLine(subject: "building \(output)")
        let report = PackValidator().validate(consume contents, dependencies: try dependencies.load()) {
            done,
            total,
            file in
            progress.update("validated \(done)/\(total) \(file)")
        }
        progress.finish()
        guard report.isValid else {
            print(report.text(for: folder))
            throw CommandExit.checkFailed
        }
        return report.warnings
    }
}

struct PackExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Unpack a .szp file into a new folder, all or nothing.",
        discussion: "Every check of the safe reader runs before a file is written; on failure nothing is left behind."
    )

    @Argument(help: "The .szp file.")
    var archive: String

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var folder: String

    func run() async throws {
        do {
            try PackArchiveReader().extract(fileAtPath: archive, toDirectoryAtPath: folder)
        } catch {
            throw inputError("\(archive): \(error)")
        }
        let count = (try? PackArchiveContents(packAtPath: folder).files.count) ?? 0
        print("extracted \(count) files into \(folder)")
    }
}

struct PackInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a pack's manifest, objects, entry counts, sizes and SHA-256.",
        discussion:
            "Works on a .szp file or a pack folder; the SHA-256 is the archive's (for a folder, of the archive it builds)."
    )

    @Argument(help: "The .szp file or pack folder.")
    var path: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
        let contents = try PackInput.contents(at: path)
        let pack: Datapack
        do {
            pack = try contents.datapack()
        } catch {
            throw inputError(PackLoadError(path: path, detail: error.detail))
        }
        let sha256: String
        if isFolder {
            do {
                sha256 = try PackArchiveWriter().write(contents).sha256
            } catch {
                throw inputError("\(path): \(error)")
            }
        } else {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw inputError("\(path): cannot read the file")
            }
            sha256 = PackArchive.sha256(of: [UInt8](bytes))
        }
        let summary = PackSummary(pack: pack, contents: contents, sha256: sha256)
        if json {
            PackInput.printJSON(summary.json)
        } else {
            print(summary.text)
        }
    }

    private var isFolder: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
