import Foundation
import JSONSchema
import Testing

@Suite struct PackCommandTests {
    let runner: CommandLineRunner
    let examples = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "examples/packs")

    init() throws {
        runner = try CommandLineRunner()
    }

    func example(_ name: String) -> String { examples.appending(path: name).path }

    @Test func aNewPackIsValidRightAway() throws {
        let created = try runner.run(["pack", "new", "Star Frontier", "--author", "Ada"])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput.hasPrefix("created star-frontier: "))
        let manifest = try JSONParser().parse(Data(contentsOf: URL(filePath: runner.path("star-frontier/szpack.json"))))
        #expect(manifest["name"] == "Star Frontier")
        #expect(manifest["author"] == "Ada")
        let validated = try runner.run(["pack", "validate", "star-frontier"])
        #expect(validated.status == 0)
        #expect(validated.standardOutput == "star-frontier: valid\n")
        let again = try runner.run(["pack", "new", "Star Frontier"])
        #expect(again.status == 2)
        #expect(again.standardError.contains("star-frontier already exists"))
    }

    @Test func validateReportsEveryProblemAndExitsOne() throws {
        try runner.write("broken/szpack.json", #"{"id": "not-a-uuid", "name": ""}"#)
        let outcome = try runner.run(["pack", "validate", example("core-fantasy"), "broken"])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(example("core-fantasy")): valid")
        #expect(lines.contains { $0.hasPrefix("error: szpack.json: /id: ") })
        #expect(lines.contains { $0.hasPrefix("error: szpack.json: ") && $0.contains("version") })
        #expect(lines.last?.hasPrefix("broken: invalid: ") == true)
    }

    @Test func validateWithDependenciesAndJSON() throws {
        let outcome = try runner.run(["pack", "validate", example("dungeon-extras"), "--deps", examples.path, "--json"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
        let reports = try JSONParser().parse(Array(outcome.standardOutput.utf8))
        let report = try #require(reports.arrayValue?.first)
        #expect(report["valid"] == true)
        #expect(report["warnings"] == 0)
        #expect(report["dependencies"]?.arrayValue?.first?["name"] == "Core Fantasy")
    }

    @Test func anUnreadablePackExitsTwo() throws {
        try runner.write("fake.szp", "not a zip")
        let outcome = try runner.run(["pack", "validate", "fake.szp", "missing-folder"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("fake.szp: "))
        #expect(outcome.standardError.contains("\"missing-folder\": there is no pack folder or .szp file here"))
    }

    @Test func buildIsDeterministicAndExtractGivesTheSameFiles() throws {
        let first = try runner.run(["pack", "build", example("core-fantasy"), "-o", "core.szp"])
        #expect(first.status == 0, "\(first.standardError)")
        let second = try runner.run(["pack", "build", example("core-fantasy"), "-o", "core-again.szp"])
        let firstBytes = try Data(contentsOf: URL(filePath: runner.path("core.szp")))
        #expect(firstBytes == (try Data(contentsOf: URL(filePath: runner.path("core-again.szp")))))
        let sha = try #require(first.standardOutput.split(separator: " ").last).trimmingCharacters(in: .newlines)
        #expect(second.standardOutput.hasSuffix(sha + "\n"))

        let extracted = try runner.run(["pack", "extract", "core.szp", "core"])
        #expect(extracted.status == 0)
        let original = try FileManager.default.subpathsOfDirectory(atPath: example("core-fantasy")).sorted()
        let unpacked = try FileManager.default.subpathsOfDirectory(atPath: runner.path("core")).sorted()
        #expect(unpacked == original)
        for path in ["szpack.json", "objects/datasets/items.json", "media/images/items/sword.svg"] {
            #expect(
                FileManager.default.contents(atPath: runner.path("core/" + path))
                    == FileManager.default.contents(atPath: example("core-fantasy") + "/" + path)
            )
        }
        let intoExisting = try runner.run(["pack", "extract", "core.szp", "core"])
        #expect(intoExisting.status == 2)
    }

    @Test func anInvalidPackIsNotBuilt() throws {
        try runner.write("broken/szpack.json", "{}")
        let outcome = try runner.run(["pack", "build", "broken", "-o", "broken.szp"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("broken: invalid"))
        #expect(!FileManager.default.fileExists(atPath: runner.path("broken.szp")))
    }

    @Test func inspectShowsManifestObjectsCountsAndHash() throws {
        _ = try runner.run(["pack", "build", example("core-fantasy"), "-o", "core.szp"])
        let outcome = try runner.run(["pack", "inspect", "core.szp"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = outcome.standardOutput
        #expect(text.hasPrefix("Core Fantasy 1.0.0 (content pack)\n"))
        #expect(text.contains("datasets:\n  creatures: Creatures, 21 creatures\n  items: Items, 34 items\n"))
        #expect(text.contains("character templates:\n  adventurer: Adventurer, 23 fields\n"))
        #expect(text.contains("dependencies: none\n"))
        #expect(text.contains("files: 29 (23 media), "))
        let bytes = try Data(contentsOf: URL(filePath: runner.path("core.szp")))
        let json = try runner.run(["pack", "inspect", "core.szp", "--json"])
        let summary = try JSONParser().parse(Array(json.standardOutput.utf8))
        #expect(summary["manifest"]?["name"] == "Core Fantasy")
        #expect(summary["datasets"]?.arrayValue?.count == 3)
        #expect(text.hasSuffix("sha256: \(summary["sha256"]?.stringValue ?? "")\n"))
        #expect(summary["sha256"]?.stringValue?.count == 64)
        // The hash is the archive file's own, as it was downloaded.
        let build = try runner.run(["pack", "build", example("core-fantasy"), "-o", "again.szp"])
        #expect(build.standardOutput.hasSuffix("sha256 \(summary["sha256"]?.stringValue ?? "-")\n"))
        #expect(summary["files"] == 29)
        #expect(bytes.count > 0)
    }

    @Test func resolveNamesTheChosenVersionsOrExplains() throws {
        let resolved = try runner.run(["pack", "resolve", example("dungeon-extras"), "--deps", examples.path])
        #expect(resolved.status == 0)
        #expect(
            resolved.standardOutput
                == "Dungeon Extras 1.1.0 resolves to:\n  Core Fantasy 1.0.0 (3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13)\n"
        )
        try FileManager.default.createDirectory(atPath: runner.path("empty"), withIntermediateDirectories: true)
        let failed = try runner.run(["pack", "resolve", example("dungeon-extras"), "--deps", "empty"])
        #expect(failed.status == 1)
        #expect(failed.standardOutput.hasPrefix("Dungeon Extras 1.1.0: the dependencies cannot be resolved\n"))
        #expect(failed.standardOutput.contains("Core Fantasy"))
        let withoutDeps = try runner.run(["pack", "resolve", example("dungeon-extras")])
        #expect(withoutDeps.status == 2)
    }

    @Test func getPrintsAFieldValueOrSaysWhatIsMissing() throws {
        let value = try runner.run(["pack", "get", example("core-fantasy"), "items", "longsword.combat.damage"])
        #expect(value.status == 0)
        #expect(value.standardOutput == "\"1d8\"\n")
        let missing = try runner.run(["pack", "get", example("core-fantasy"), "items", "longsword.combat.damag"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("has no field \"damag\" (did you mean \"damage\"?)"))
        let noDataset = try runner.run(["pack", "get", example("core-fantasy"), "weapons", "longsword.cost"])
        #expect(noDataset.status == 1)
        #expect(noDataset.standardError.contains("has no dataset \"weapons\" (its datasets: creatures, items, spells)"))
    }

    @Test(arguments: ["new", "validate", "build", "extract", "inspect", "resolve", "get"])
    func everySubcommandHasHelp(subcommand: String) throws {
        let outcome = try runner.run(["pack", subcommand, "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("USAGE: sessionzero pack \(subcommand)"))
    }
}
