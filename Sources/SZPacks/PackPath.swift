/// The rules every path inside a pack follows, shared by the reader and the writer: relative,
/// `/`-separated, no `..`, `.` or empty segments, no backslash, drive letter, control character or
/// character that Windows cannot store, within the length and depth limits.
enum PackPath {
    static func precedes(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    static func validate(_ path: String, limits: ArchiveLimits) throws(PackArchiveError) {
        let length = path.utf8.count
        if length > limits.maximumPathLength {
            throw .pathTooLong(entry: path, length: length, limit: limits.maximumPathLength)
        }
        if path.hasPrefix("/") { throw .absolutePath(entry: path) }
        if path.contains("\\") { throw .backslashInPath(entry: path) }
        if startsWithDriveLetter(path) { throw .driveLetter(entry: path) }
        if let character = path.unicodeScalars.first(where: isForbidden) {
            throw .forbiddenCharacter(entry: path, character: describe(character))
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment == ".." { throw .parentDirectorySegment(entry: path) }
            if segment.isEmpty || segment == "." { throw .emptyOrDotSegment(entry: path) }
        }
        if segments.count > limits.maximumPathDepth {
            throw .pathTooDeep(entry: path, depth: segments.count, limit: limits.maximumPathDepth)
        }
    }

    /// Why a path is operating-system clutter that packs leave out, or nil for a real pack file.
    static func junkReason(_ path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let name = segments.last else { return nil }
        if segments.first == "__MACOSX" { return "macOS archive metadata (__MACOSX)" }
        if name == ".DS_Store" { return "macOS Finder metadata (.DS_Store)" }
        if name.hasPrefix("._") { return "macOS resource fork (._ file)" }
        if name.lowercased() == "thumbs.db" { return "Windows thumbnail cache (Thumbs.db)" }
        return nil
    }

    private static func startsWithDriveLetter(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[0].isASCII && scalars[0].properties.isAlphabetic && scalars[1] == ":"
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: true
        default: "<>:\"|?*".unicodeScalars.contains(scalar)
        }
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            let digits = String(scalar.value, radix: 16, uppercase: true)
            return "the control character U+" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        return "the character '\(scalar)'"
    }
}

/// Finds paths that would land on the same file on a case-insensitive, normalising file system
/// (macOS, Windows), exact duplicates, and paths used both as a file and as a folder.
struct PathCollisionDetector {
    private var seen: [String: (path: String, isFolder: Bool)] = [:]

    mutating func add(file path: String) throws(PackArchiveError) {
        try addFolders(enclosing: path, includingLast: false)
        try add(path, isFolder: false, entry: path)
    }

    mutating func add(folder path: String) throws(PackArchiveError) {
        try addFolders(enclosing: path, includingLast: true)
    }

    private mutating func addFolders(enclosing path: String, includingLast: Bool) throws(PackArchiveError) {
        let segments = path.split(separator: "/")
        var folder = ""
        for segment in includingLast ? segments[...] : segments.dropLast() {
            folder += folder.isEmpty ? String(segment) : "/" + segment
            try add(folder, isFolder: true, entry: path)
        }
    }

    private mutating func add(_ path: String, isFolder: Bool, entry: String) throws(PackArchiveError) {
        // Swift string keys already compare under Unicode canonical equivalence (NFC = NFD);
        // upper- then lower-casing approximates the full case folding of APFS and NTFS.
        let key = path.uppercased().lowercased()
        guard let existing = seen[key] else {
            seen[key] = (path, isFolder)
            return
        }
        guard existing.path.utf8.elementsEqual(path.utf8) else {
            throw .collidingEntries(first: existing.path, second: path)
        }
        if existing.isFolder != isFolder { throw .fileFolderConflict(entry: entry) }
        if !isFolder { throw .duplicateEntry(entry: entry) }
    }
}
