import JSONSchema
import SZPacks
import Testing

@Suite struct ReaderContentTests {
    let reader = PackArchiveReader()

    private func readError(_ entries: [TestZipEntry]) -> PackArchiveError? {
        #expect(throws: PackArchiveError.self) { try reader.read(TestZip(entries).bytes) }
    }

    @Test func aMissingManifestIsRefused() {
        let error = readError([.stored("objects/datasets/a.json", "{}")])
        #expect(error == .missingManifest)
        #expect(error?.description == "the pack has no szpack.json at its root")
        #expect(readError([.stored("pack/szpack.json", "{}")]) == .missingManifest)
    }

    @Test func aManifestThatIsNotAnObjectIsRefused() {
        let error = readError([.stored("szpack.json", "[1, 2]")])
        #expect(error == .manifestNotAnObject(found: "an array"))
        #expect(error?.description == "szpack.json must be a JSON object, but it is an array")
    }

    @Test func invalidJSONIsRefusedWithFileLineAndColumn() {
        let error = readError([.manifest, .stored("objects/datasets/spells.json", "{\n  \"a\": 1,\n}")])
        #expect(
            error?.description
                == "\"objects/datasets/spells.json\" is not valid JSON: line 3, column 1: expected a quoted property name"
        )
        guard case .invalidJSON(let path, let parseError)? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(path == "objects/datasets/spells.json")
        #expect((parseError.line, parseError.column) == (3, 1))
    }

    @Test func deeplyNestedJSONIsRefused() {
        let nested = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = readError([.manifest, .deflated("objects/datasets/deep.json", bytes: Array(nested.utf8))])
        #expect(
            error?.description
                == "\"objects/datasets/deep.json\" is not valid JSON: line 1, column 129: "
                + "the document is nested more than 128 levels deep"
        )
    }

    @Test func aValidPackReadsIntoSortedContents() throws {
        let archive = TestZip([
            .stored("objects/session-templates/one-shot.json", #"{"scenes": []}"#),
            .manifest,
            .deflated("media/images/map.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]),
            .stored("objects/datasets/b.json", "[]"),
        ]).bytes
        let contents = try reader.read(archive)
        #expect(
            contents.paths == [
                "media/images/map.png", "objects/datasets/b.json", "objects/session-templates/one-shot.json",
                "szpack.json",
            ]
        )
        #expect(contents["media/images/map.png"] == [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])
        #expect(contents["missing.json"] == nil)
    }
}
