import Foundation
import JSONSchema
import SZServer
import Testing

@Suite("docs/administration.md")
struct AdministrationDocTests {
    static let document: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = FileManager.default.contents(atPath: root.appendingPathComponent("docs/administration.md").path)
        return String(decoding: data ?? Data(), as: UTF8.self)
    }()

    /// Every key of the default settings file, dotted: `title`, `hosting.port`, …
    static func keys() throws -> [String] {
        let root = try #require(try JSONParser().parse(ServerSettings.defaultFileText).objectValue)
        return root.flatMap { key, value in
            value.objectValue.map { section in section.keys.map { "\(key).\($0)" } } ?? [key]
        }
    }

    @Test("Every settings key has a row in the settings table")
    func everyKeyDocumented() throws {
        for key in try Self.keys() {
            #expect(Self.document.contains("| `\(key)` |"), "\(key) is not documented")
        }
    }

    @Test("Every environment override is named")
    func everyVariableDocumented() throws {
        for key in try Self.keys() {
            let variable = "SZ_" + key.replacingOccurrences(of: ".", with: "_").uppercased()
            #expect(Self.document.contains("`\(variable)`"), "\(variable) is not documented")
        }
    }
}
