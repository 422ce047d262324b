import Foundation

/// Collects the regular files of a pack folder, refusing links and special files and skipping OS
/// junk, with the size limits applied before a file is read.
struct PackFolderScanner {
    let limits: ArchiveLimits

    func scan(_ root: String) throws(PackArchiveError) -> (files: [PackArchiveContents.File], skipped: [SkippedFile]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileSystem(path: root, detail: "there is no pack folder here")
        }
        var state = State()
        try visit(folder: "", root: URL(fileURLWithPath: root), into: &state)
        return (state.files, state.skipped)
    }

    private struct State {
        var files: [PackArchiveContents.File] = []
        var skipped: [SkippedFile] = []
        var totalSize = 0
    }

    private func visit(folder: String, root: URL, into state: inout State) throws(PackArchiveError) {
        let manager = FileManager.default
        let folderURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
        let names = try FileSystem.mappingErrors(path: folderURL.path) {
            try manager.contentsOfDirectory(atPath: folderURL.path)
        }
        for name in names.sorted(by: PackPath.precedes) {
            let path = folder.isEmpty ? name : folder + "/" + name
            if let reason = PackPath.junkReason(path) {
                state.skipped.append(SkippedFile(path: path, reason: reason))
                continue
            }
            let url = folderURL.appendingPathComponent(name)
            // attributesOfItem does not follow a final symbolic link, so links are seen as links.
            let attributes = try FileSystem.mappingErrors(path: path) { try manager.attributesOfItem(atPath: url.path) }
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                try visit(folder: path, root: root, into: &state)
            case .typeRegular?:
                try add(path, at: url, size: (attributes[.size] as? NSNumber)?.intValue ?? 0, into: &state)
            case .typeSymbolicLink?:
                throw .symbolicLink(entry: path)
            default:
                throw .notARegularFile(entry: path, kind: "a special file")
            }
        }
    }

    private func add(_ path: String, at url: URL, size: Int, into state: inout State) throws(PackArchiveError) {
        if state.files.count >= limits.maximumEntryCount {
            throw .tooManyEntries(count: state.files.count + 1, limit: limits.maximumEntryCount)
        }
        let limit = limits.maximumSize(ofEntry: path)
        if size > limit { throw .entryTooLarge(entry: path, size: size, limit: limit) }
        let bytes = try FileSystem.mappingErrors(path: path) { try [UInt8](Data(contentsOf: url)) }
        // Checked again after reading: the file may have grown since it was listed.
        if bytes.count > limit { throw .entryTooLarge(entry: path, size: bytes.count, limit: limit) }
        state.totalSize += bytes.count
        if state.totalSize > limits.maximumTotalSize {
            throw .totalSizeTooLarge(size: state.totalSize, limit: limits.maximumTotalSize)
        }
        state.files.append(PackArchiveContents.File(path: path, bytes: bytes))
    }
}
