import JSONSchema
import SZCore
import SZPacks
import Testing

@Suite struct PackValidatorTests {
    let validator = PackValidator()
    let items = "objects/datasets/items.json"
    let adventurer = "objects/character-templates/adventurer.json"
    let traps = "objects/datasets/traps.json"

    /// `severity: file: /pointer: message` of every problem.
    func lines(_ report: PackValidationReport) -> [String] {
        report.problems.map { "\($0.severity.rawValue): \($0.description)" }
    }

    @Test func theExamplePacksAreValid() throws {
        let core = validator.validate(try ExamplePacks.contents("core-fantasy"), dependencies: [])
        #expect(lines(core) == [])
        #expect(core.isValid && core.summary == "valid")
        let extras = validator.validate(
            try ExamplePacks.contents("dungeon-extras"),
            dependencies: [try ExamplePacks.datapack("core-fantasy")]
        )
        #expect(lines(extras) == [])
        #expect(extras.dependencies.map(\.name) == ["Core Fantasy"])
    }

    @Test func unsuppliedDependenciesAreNamedOnceAndTheirLinksLeftUnchecked() throws {
        let report = validator.validate(try ExamplePacks.contents("dungeon-extras"))
        #expect(report.isValid)
        #expect(
            lines(report) == [
                "warning: szpack.json: /dependencies/0: links into Core Fantasy (^1.0.0) were not checked: "
                    + "the pack was not supplied (pass a folder holding it with --deps)"
            ]
        )
        #expect(report.summary == "valid with 1 warning")
    }

    @Test func aTypoInAKeyIsASchemaErrorWithItsPointer() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .replacing("\"datasetType\"", with: "\"datasetTyp\"", in: items)
        let report = validator.validate(contents)
        #expect(!report.isValid)
        let errors = report.errors.map(\.description)
        #expect(errors.contains { $0.hasPrefix("\(items): ") && $0.contains("datasetTyp") })
        #expect(errors.contains { $0.hasPrefix("\(items): ") && $0.contains("datasetType") })
        #expect(
            report.warnings.map(\.message) == ["links between documents were not checked: fix the errors above first"]
        )
    }

    @Test func anEntryKeyMustEqualItsID() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .replacing("\"id\": \"longsword\"", with: "\"id\": \"long-sword\"", in: items)
        #expect(
            lines(validator.validate(contents)).first
                == "error: \(items): /entries/longsword/id: entry id \"long-sword\" differs from its key \"longsword\" in entries"
        )
    }

    @Test func groupIDsAreUniqueWithinAnEntry() throws {
        let core = try ExamplePacks.contents("core-fantasy")
        let text = String(decoding: try #require(core[items]), as: UTF8.self)
        let group =
            "{\n          \"id\": \"combat\",\n          \"name\": \"Combat\",\n          \"fields\": {}\n        },\n        "
        let broken = text.replacing(
            "\"groups\": [\n        {",
            with: "\"groups\": [\n        " + group + "{",
            maxReplacements: 1
        )
        try #require(broken != text)
        let problems = lines(validator.validate(core.setting(items, to: broken)))
        #expect(
            problems.first
                == "error: \(items): /entries/longsword/groups/1/id: duplicate group id \"combat\" in entry \"longsword\""
        )
    }

    @Test func anObjectMustSitInTheFolderOfItsSZType() throws {
        let core = try ExamplePacks.contents("core-fantasy")
        let misplaced = core.setting(
            "objects/character-templates/items.json",
            to: String(decoding: core[items]!, as: UTF8.self)
        )
        let problems = validator.validate(misplaced).errors.map(\.description)
        #expect(problems.contains { $0.hasPrefix("objects/character-templates/items.json: ") })
        #expect(problems.allSatisfy { !$0.hasPrefix(items) })
    }

    @Test func aDocumentIsNamedAfterItsID() throws {
        let core = try ExamplePacks.contents("core-fantasy")
        let renamed = core.removing(items).setting(
            "objects/datasets/gear.json",
            to: String(decoding: core[items]!, as: UTF8.self)
        )
        #expect(
            validator.validate(renamed).errors.first?.description
                == "objects/datasets/gear.json: /id: a document is named after its id \"items\" (expected objects/datasets/items.json)"
        )
    }

    @Test func aDefaultValueMustMatchItsFieldType() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .replacing("\"defaultValue\": 1\n", with: "\"defaultValue\": \"one\"\n", in: adventurer)
        let report = validator.validate(contents)
        #expect(!report.isValid)
        #expect(report.errors.contains { $0.file == adventurer && $0.pointer.description.hasSuffix("/defaultValue") })
    }

    @Test func anUnsupportedSchemaVersionIsNamed() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .replacing("\"schemaVersion\": \"1.0.0\"", with: "\"schemaVersion\": \"2.0.0\"", in: items)
        let report = validator.validate(contents)
        #expect(report.errors.contains { $0.file == items && $0.pointer.description == "/schemaVersion" })
    }

    @Test func aListValueMustNameEntriesOfItsDataset() throws {
        let contents = try ExamplePacks.contents("dungeon-extras")
            .replacing("\"spiked-pit\"\n", with: "\"spiked-pitt\"\n", in: traps)
        let problems = lines(validator.validate(contents, dependencies: [try ExamplePacks.datapack("core-fantasy")]))
        #expect(
            problems == [
                "error: \(traps): /entries/pit-trap/topLevelFields/relatedTraps/value/0: "
                    + "\"spiked-pitt\" is not an entry of dataset \"traps\" (did you mean \"spiked-pit\"?)"
            ]
        )
    }

    @Test func linksIntoASuppliedDependencyAreChecked() throws {
        let contents = try ExamplePacks.contents("dungeon-extras")
            .replacing("\"rope\"", with: "\"ropes\"", in: traps)
        let problems = lines(validator.validate(contents, dependencies: [try ExamplePacks.datapack("core-fantasy")]))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("\"ropes\" is not an entry of dataset \"items\"") == true)
    }

    @Test func aLinkToAPackThatIsNotADependencyIsAnError() throws {
        var manifest = try ExamplePacks.datapack("dungeon-extras").manifest
        manifest.dependencies = []
        let contents = try ExamplePacks.contents("dungeon-extras")
            .setting("szpack.json", to: JSONWriter.pretty(manifest.json))
        let report = validator.validate(contents)
        #expect(!report.isValid)
        #expect(
            report.errors.first?.description
                == "\(traps): /entries/pit-trap/groups/0/fields/disarmTools/datasetLink/datapackId: links to pack "
                + "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13, which is neither this pack nor one of its dependencies in szpack.json"
        )
    }

    @Test func unresolvableDependenciesAreExplained() throws {
        var core = try ExamplePacks.datapack("core-fantasy")
        core.manifest.version = "2.0.0"
        let report = validator.validate(try ExamplePacks.contents("dungeon-extras"), dependencies: [core])
        #expect(!report.isValid)
        let problem = try #require(report.errors.first)
        #expect(problem.file == "szpack.json" && problem.pointer.description == "/dependencies")
        #expect(problem.message.hasPrefix("the dependencies cannot be satisfied by the packs supplied:\n"))
        #expect(problem.message.contains("Core Fantasy"))
    }

    @Test func iconsMustExistAndUnusedImagesAreWarnedAbout() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .removing("media/images/items/sword.svg")
            .setting("media/images/unused.png", to: "png")
        let problems = lines(validator.validate(contents))
        #expect(
            problems == [
                "error: media/images/items/sword.svg: an icon names this image, but the pack has no such file",
                "warning: media/images/unused.png: no icon names this image",
            ]
        )
    }

    @Test func invalidJSONIsReportedWithLineAndColumnAndTheRestStillChecked() throws {
        let contents = try ExamplePacks.contents("core-fantasy")
            .setting(items, to: "{\n  \"id\": \"items\",\n  oops\n}")
            .replacing("\"datasetType\"", with: "\"datasetKind\"", in: "objects/datasets/spells.json")
        let report = validator.validate(contents)
        #expect(report.errors.first?.description.hasPrefix("\(items): not valid JSON: line 3, column 3") == true)
        #expect(report.errors.contains { $0.file == "objects/datasets/spells.json" })
    }

    @Test func aPackWithoutManifestOrWithStrayFilesSaysSo() throws {
        let contents = try ExamplePacks.contents("core-fantasy").removing("szpack.json").setting("notes.txt", to: "hi")
        let problems = lines(validator.validate(contents))
        #expect(problems.first == "error: szpack.json: the pack has no szpack.json")
        #expect(
            problems.contains(
                "warning: notes.txt: this file is not part of the pack format and is ignored; "
                    + "pack files are szpack.json, JSON documents under objects/ and media under media/"
            )
        )
    }

    @Test func aSessionDocumentInAContentPackIsRefused() throws {
        let contents = try ExamplePacks.contents("core-fantasy").setting("objects/sessions/state.json", to: "{}")
        let report = validator.validate(contents)
        #expect(report.errors.contains { $0.file == "objects/sessions/state.json" })
    }

    @Test func theJSONReportCarriesEveryProblem() throws {
        let contents = try ExamplePacks.contents("core-fantasy").removing("media/images/items/sword.svg")
        let json = validator.validate(contents).json
        #expect(json["valid"] == false)
        #expect(json["errors"] == 1)
        let problem = try #require(json["problems"]?.arrayValue?.first)
        #expect(problem["severity"] == "error")
        #expect(problem["file"] == "media/images/items/sword.svg")
        #expect(problem["pointer"] == "")
        #expect(json["pack"] == .null)
    }

    @Test func progressIsReportedForEveryDocument() throws {
        var seen: [String] = []
        _ = validator.validate(try ExamplePacks.contents("core-fantasy")) { done, total, path in
            seen.append("\(done)/\(total) \(path)")
        }
        #expect(seen.first == "1/6 szpack.json")
        #expect(seen.last?.hasPrefix("6/6 ") == true)
    }
}
