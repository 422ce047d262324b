public import JSONSchema

/// Why a `.szp` archive or a pack folder was refused. `entry` is the path inside the pack, as
/// far as it could be decoded; descriptions quote it with control characters escaped.
public enum PackArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    // The archive as a whole.
    case archiveTooLarge(size: Int, limit: Int)
    case notAZipArchive(detail: String)
    case malformedCentralDirectory(detail: String)
    case multiDiskArchive
    case zip64NotSupported(entry: String?)
    case tooManyEntries(count: Int, limit: Int)

    // Entry names.
    case invalidUTF8Name(entry: String)
    case nonASCIINameWithoutUTF8Flag(entry: String)
    case absolutePath(entry: String)
    case parentDirectorySegment(entry: String)
    case backslashInPath(entry: String)
    case driveLetter(entry: String)
    case emptyOrDotSegment(entry: String)
    case forbiddenCharacter(entry: String, character: String)
    case pathTooLong(entry: String, length: Int, limit: Int)
    case pathTooDeep(entry: String, depth: Int, limit: Int)
    case duplicateEntry(entry: String)
    case collidingEntries(first: String, second: String)
    case fileFolderConflict(entry: String)

    // Entry kinds and encodings.
    case symbolicLink(entry: String)
    case notARegularFile(entry: String, kind: String)
    case encryptedEntry(entry: String)
    case unsupportedCompressionMethod(entry: String, method: Int)
    case nestedArchive(entry: String)

    // Where entries lie in the file.
    case localHeaderMismatch(entry: String, field: String)
    case dataOutsideArchive(entry: String, end: Int, archiveSize: Int)
    case overlappingEntries(first: String, second: String)
    case entryOverlapsCentralDirectory(entry: String)

    // Sizes.
    case entryTooLarge(entry: String, size: Int, limit: Int)
    case totalSizeTooLarge(size: Int, limit: Int)
    case compressionRatioTooHigh(entry: String, ratio: Int, limit: Int)
    case inconsistentSizes(entry: String, detail: String)
    case declaredSizeExceeded(entry: String, declared: Int)
    case sizeMismatch(entry: String, declared: Int, actual: Int)
    case checksumMismatch(entry: String, declared: UInt32, actual: UInt32)
    case corruptData(entry: String, detail: String)

    // Pack content.
    case missingManifest
    case manifestNotAnObject(found: String)
    case invalidJSON(path: String, error: JSONParseError)

    // Files on disk.
    case targetNotEmpty(path: String)
    case fileSystem(path: String, detail: String)

    public var description: String {
        switch self {
        case .archiveTooLarge(let size, let limit):
            "the archive is \(size) bytes, over the limit of \(limit) bytes"
        case .notAZipArchive(let detail):
            "not a readable zip archive: \(detail)"
        case .malformedCentralDirectory(let detail):
            "the central directory is malformed: \(detail)"
        case .multiDiskArchive:
            "the archive is split over several disks, which packs do not support"
        case .zip64NotSupported(nil):
            "the archive uses ZIP64, which packs do not need (their size limits are far below 4 GiB)"
        case .zip64NotSupported(let entry?):
            "\(quoted(entry)) uses ZIP64 sizes or offsets, which packs do not need (their size limits are far below 4 GiB)"
        case .tooManyEntries(let count, let limit):
            "the archive has \(count) entries, over the limit of \(limit)"
        case .invalidUTF8Name(let entry):
            "\(quoted(entry)): the name is marked as UTF-8 but is not valid UTF-8"
        case .nonASCIINameWithoutUTF8Flag(let entry):
            "\(quoted(entry)): the name has non-ASCII bytes but is not marked as UTF-8 (legacy code pages are not supported)"
        case .absolutePath(let entry):
            "\(quoted(entry)): the path is absolute; pack paths must be relative"
        case .parentDirectorySegment(let entry):
            "\(quoted(entry)): the path climbs out of the pack with a '..' segment (zip slip)"
        case .backslashInPath(let entry):
            "\(quoted(entry)): the path contains a backslash; pack paths separate folders with '/'"
        case .driveLetter(let entry):
            "\(quoted(entry)): the path starts with a drive letter"
        case .emptyOrDotSegment(let entry):
            "\(quoted(entry)): the path has an empty or '.' segment"
        case .forbiddenCharacter(let entry, let character):
            "\(quoted(entry)): the path contains \(character), which pack paths may not contain"
        case .pathTooLong(let entry, let length, let limit):
            "\(quoted(entry)): the path is \(length) bytes long, over the limit of \(limit)"
        case .pathTooDeep(let entry, let depth, let limit):
            "\(quoted(entry)): the path is \(depth) levels deep, over the limit of \(limit)"
        case .duplicateEntry(let entry):
            "\(quoted(entry)) appears more than once in the archive"
        case .collidingEntries(let first, let second):
            "\(quoted(first)) and \(quoted(second)) differ only in letter case or Unicode normalisation "
                + "and would overwrite each other on macOS and Windows"
        case .fileFolderConflict(let entry):
            "\(quoted(entry)) is used both as a file and as a folder"
        case .symbolicLink(let entry):
            "\(quoted(entry)) is a symbolic link; packs may only contain regular files"
        case .notARegularFile(let entry, let kind):
            "\(quoted(entry)) is \(kind); packs may only contain regular files"
        case .encryptedEntry(let entry):
            "\(quoted(entry)) is encrypted; packs cannot be encrypted"
        case .unsupportedCompressionMethod(let entry, let method):
            "\(quoted(entry)) uses compression method \(method); only stored (0) and deflate (8) are supported"
        case .nestedArchive(let entry):
            "\(quoted(entry)) is itself a zip archive; packs may not contain archives"
        case .localHeaderMismatch(let entry, let field):
            "\(quoted(entry)): the local header disagrees with the central directory on the \(field)"
        case .dataOutsideArchive(let entry, let end, let archiveSize):
            "\(quoted(entry)) extends to byte \(end), past the end of the \(archiveSize)-byte archive "
                + "(the file is truncated)"
        case .overlappingEntries(let first, let second):
            "\(quoted(first)) and \(quoted(second)) share bytes in the archive (overlapping entries, a zip bomb technique)"
        case .entryOverlapsCentralDirectory(let entry):
            "\(quoted(entry)) runs into the central directory"
        case .entryTooLarge(let entry, let size, let limit):
            "\(quoted(entry)) is \(size) bytes uncompressed, over the limit of \(limit) bytes"
        case .totalSizeTooLarge(let size, let limit):
            "the entries add up to \(size) bytes uncompressed, over the limit of \(limit) bytes"
        case .compressionRatioTooHigh(let entry, let ratio, let limit):
            "\(quoted(entry)) expands \(ratio) times when uncompressed, over the limit of \(limit) (a zip bomb)"
        case .inconsistentSizes(let entry, let detail):
            "\(quoted(entry)): \(detail)"
        case .declaredSizeExceeded(let entry, let declared):
            "\(quoted(entry)) inflates to more than the \(declared) bytes its header declares"
        case .sizeMismatch(let entry, let declared, let actual):
            "\(quoted(entry)) inflates to \(actual) bytes, but its header declares \(declared)"
        case .checksumMismatch(let entry, let declared, let actual):
            "\(quoted(entry)) has CRC-32 \(hex(actual)), but its header declares \(hex(declared)) (the data is corrupt)"
        case .corruptData(let entry, let detail):
            "\(quoted(entry)): the compressed data is corrupt: \(detail)"
        case .missingManifest:
            "the pack has no szpack.json at its root"
        case .manifestNotAnObject(let found):
            "szpack.json must be a JSON object, but it is \(found)"
        case .invalidJSON(let path, let error):
            "\(quoted(path)) is not valid JSON: \(error)"
        case .targetNotEmpty(let path):
            "\(quoted(path)) already exists and is not an empty folder"
        case .fileSystem(let path, let detail):
            "\(quoted(path)): \(detail)"
        }
    }
}

/// Quotes a name for a message: control characters escaped (names come from untrusted archives and
/// must not drive a terminal), very long names shortened.
private func quoted(_ name: String) -> String {
    var text = ""
    for scalar in name.unicodeScalars.prefix(200) {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: text.unicodeScalars.append(scalar)
        }
    }
    if name.unicodeScalars.count > 200 { text += "…" }
    return "\"" + text + "\""
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
