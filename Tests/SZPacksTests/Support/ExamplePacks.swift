import Foundation
import SZCore
import SZPacks
import Testing

/// The example packs of the repository, read as `PackArchiveContents`, with helpers to break them.
enum ExamplePacks {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "examples/packs")

    static func folder(_ name: String) -> String {
        root.appending(path: name).path
    }

    static func contents(_ name: String) throws -> PackArchiveContents {
        try PackArchiveContents(packAtPath: folder(name))
    }

    static func datapack(_ name: String) throws -> Datapack {
        try contents(name).datapack()
    }
}

extension PackArchiveContents {
    var filesByPath: [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    /// These files with the text `old` in `path` replaced by `new` (which must occur).
    func replacing(_ old: String, with new: String, in path: String) throws -> PackArchiveContents {
        let text = String(decoding: try #require(self[path], "no \(path) in the pack"), as: UTF8.self)
        try #require(text.contains(old), "\(path) does not contain \(old)")
        return setting(path, to: text.replacing(old, with: new, maxReplacements: 1))
    }

    func setting(_ path: String, to text: String) -> PackArchiveContents {
        var files = filesByPath
        files[path] = Array(text.utf8)
        return PackArchiveContents(files: files)
    }

    func removing(_ path: String) -> PackArchiveContents {
        var files = filesByPath
        files[path] = nil
        return PackArchiveContents(files: files)
    }
}
