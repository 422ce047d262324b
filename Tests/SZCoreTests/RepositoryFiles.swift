import Foundation
import JSONSchema
import SZCore

/// Files of this repository (examples, fixtures), found from this source file's path so that tests
/// read what is checked in.
enum RepositoryFiles {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL {
        root.appending(path: relativePath)
    }

    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONParser().parse(Data(contentsOf: url(relativePath)))
    }

    /// Every JSON document of a pack folder outside `media/`, keyed by its path in the pack.
    static func packDocuments(_ relativePath: String) throws -> [String: JSONValue] {
        let folder = url(relativePath)
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        var documents: [String: JSONValue] = [:]
        for file in files where file.pathExtension == "json" {
            let path = String(file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            guard !path.hasPrefix("media/") else { continue }
            documents[path] = try JSONParser().parse(Data(contentsOf: file))
        }
        return documents
    }

    static func pack(_ relativePath: String) throws -> Datapack {
        try Datapack(documents: packDocuments(relativePath))
    }
}
