import SZPacks
import Testing

@Suite struct ReaderPathTests {
    let reader = PackArchiveReader()

    private func readError(_ entry: TestZipEntry) -> PackArchiveError? {
        #expect(throws: PackArchiveError.self) { try reader.read(TestZip([.manifest, entry]).bytes) }
    }

    @Test(arguments: [
        ("../evil.json", PackArchiveError.parentDirectorySegment(entry: "../evil.json"), "'..' segment (zip slip)"),
        ("objects/../../evil", .parentDirectorySegment(entry: "objects/../../evil"), "climbs out of the pack"),
        ("/etc/evil", .absolutePath(entry: "/etc/evil"), "the path is absolute"),
        ("..\\evil", .backslashInPath(entry: "..\\evil"), "contains a backslash"),
        ("C:/evil", .driveLetter(entry: "C:/evil"), "starts with a drive letter"),
        ("media//x.png", .emptyOrDotSegment(entry: "media//x.png"), "empty or '.' segment"),
        ("./szpack.json", .emptyOrDotSegment(entry: "./szpack.json"), "empty or '.' segment"),
        (
            "media/a\u{0}.png",
            .forbiddenCharacter(entry: "media/a\u{0}.png", character: "the control character U+0000"),
            "\"media/a\\u{0}.png\""
        ),
        (
            "media/what?.png", .forbiddenCharacter(entry: "media/what?.png", character: "the character '?'"),
            "contains the character '?'"
        ),
    ])
    func unsafePathsAreRefusedByName(name: String, expected: PackArchiveError, phrase: String) {
        let error = readError(.stored(name, "x"))
        #expect(error == expected)
        #expect(error?.description.contains(phrase) == true)
    }

    @Test func overlongAndDeepPathsAreRefused() {
        let long = String(repeating: "a", count: 300)
        #expect(readError(.stored(long, "x")) == .pathTooLong(entry: long, length: 300, limit: 255))
        let deep = Array(repeating: "d", count: 17).joined(separator: "/")
        #expect(readError(.stored(deep, "x")) == .pathTooDeep(entry: deep, depth: 17, limit: 16))
    }

    @Test func invalidUTF8NamesAreRefused() {
        var entry = TestZipEntry.stored("x", "x")
        entry.name = [0x6D, 0xC3, 0x28, 0x2E, 0x6A]
        let error = readError(entry)
        #expect(error == .invalidUTF8Name(entry: "m\u{FFFD}(.j"))
        #expect(error?.description.contains("not valid UTF-8") == true)
    }

    @Test func nonASCIINamesWithoutTheUTF8FlagAreRefused() {
        var entry = TestZipEntry.stored("café.json", "{}")
        entry.flags = 0
        let error = readError(entry)
        #expect(error == .nonASCIINameWithoutUTF8Flag(entry: "café.json"))
        #expect(error?.description.contains("not marked as UTF-8") == true)
    }

    @Test func plainASCIINamesNeedNoUTF8Flag() throws {
        var entry = TestZipEntry.stored("notes.txt", "hello")
        entry.flags = 0
        let contents = try reader.read(TestZip([.manifest, entry]).bytes)
        #expect(contents["notes.txt"] == Array("hello".utf8))
    }

    @Test func controlCharactersInNamesAreEscapedInMessages() {
        let error = readError(.stored("a\u{1B}[31m", "x"))
        #expect(error?.description.hasPrefix("\"a\\u{1B}[31m\"") == true)
    }
}
