import Foundation
import JSONSchema
public import SZCore

extension PackArchiveContents {
    /// The files of the pack at `path`: a pack folder (links and special files refused, OS junk left
    /// out) or a `.szp` archive, read with every check of `PackArchiveReader`.
    public init(packAtPath path: String, limits: ArchiveLimits = ArchiveLimits()) throws(PackArchiveError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileSystem(path: path, detail: "there is no pack folder or .szp file here")
        }
        if isDirectory.boolValue {
            let scan = try PackFolderScanner(limits: limits).scan(path)
            self.init(sorting: scan.files, ignoredEntries: scan.skipped.map(\.path))
        } else {
            self = try PackArchiveReader(limits: limits).read(fileAtPath: path)
        }
    }

    /// The pack these files hold, read without the schema pass: for packs that are only consulted,
    /// such as dependencies. Throws the first problem.
    public func datapack(limits: ArchiveLimits = ArchiveLimits()) throws(PackLoadError) -> Datapack {
        var documents: [String: JSONValue] = [:]
        for file in files where PackContentRules.isJSON(file.path) {
            do throws(JSONParseError) {
                documents[file.path] = try JSONParser(maximumDepth: limits.maximumJSONDepth).parse(file.bytes)
            } catch {
                throw PackLoadError(
                    detail: "\(file.path): line \(error.line), column \(error.column): \(error.message)"
                )
            }
        }
        do throws(DatapackDecodingError) {
            return try Datapack(documents: documents)
        } catch {
            throw PackLoadError(detail: error.description)
        }
    }
}

/// The packs a folder offers as dependencies: each pack folder (holding a `szpack.json`) and each
/// `.szp` file directly inside it; anything else there is ignored.
public enum DependencyFolder {
    public static func packs(
        in folder: String,
        limits: ArchiveLimits = ArchiveLimits()
    ) throws(PackLoadError) -> [Datapack] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw PackLoadError(
                path: folder,
                detail: "cannot list the dependency folder (\(error.localizedDescription))"
            )
        }
        var packs: [Datapack] = []
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let isPackFolder =
                exists && isDirectory.boolValue
                && FileManager.default.fileExists(
                    atPath: (path as NSString).appendingPathComponent(PackLayout.manifest)
                )
            guard isPackFolder || name.lowercased().hasSuffix(".szp") else { continue }
            do throws(PackLoadError) {
                let contents: PackArchiveContents
                do throws(PackArchiveError) {
                    contents = try PackArchiveContents(packAtPath: path, limits: limits)
                } catch {
                    throw PackLoadError(detail: error.description)
                }
                packs.append(try contents.datapack(limits: limits))
            } catch {
                throw PackLoadError(path: path, detail: error.detail)
            }
        }
        return packs
    }
}

/// A pack that could not be read: where, and why.
public struct PackLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String?
    public var detail: String

    public init(path: String? = nil, detail: String) {
        self.path = path
        self.detail = detail
    }

    public var description: String {
        path.map { "\($0): \(detail)" } ?? detail
    }
}
