/// The caps that keep a hostile `.szp` from exhausting memory, disk or time. The reader refuses an
/// archive over any of them and the writer refuses to produce one, so we never write what we would
/// refuse to read. Sizes are in bytes.
public struct ArchiveLimits: Sendable, Equatable {
    /// The `.szp` file itself.
    public var maximumArchiveSize = 256 * mebibyte
    /// Entries in the central directory, folders and ignored OS junk included. Far below the
    /// 10,000 tiny entries a "many files" attack would use.
    public var maximumEntryCount = 4_096
    /// One entry once uncompressed (media files).
    public var maximumEntrySize = 32 * mebibyte
    /// One `*.json` entry once uncompressed: JSON is parsed into memory, so it gets a tighter cap.
    public var maximumJSONEntrySize = 8 * mebibyte
    /// All entries together once uncompressed: the pack size limit.
    public var maximumTotalSize = 256 * mebibyte
    /// Uncompressed bytes per compressed byte, for entries larger than `compressionRatioThreshold`.
    /// Real JSON rarely exceeds 20:1; a zip bomb reaches about 1,000:1.
    public var maximumCompressionRatio = 100
    /// Entries at most this large (uncompressed) are exempt from the ratio check: a small run of
    /// spaces compresses well and is harmless.
    public var compressionRatioThreshold = 64 * kibibyte
    /// One path in UTF-8 bytes.
    public var maximumPathLength = 255
    /// Path segments, the file name included.
    public var maximumPathDepth = 16
    /// Nesting of arrays and objects in every `*.json` entry.
    public var maximumJSONDepth = 128

    public init() {}

    func maximumSize(ofEntry path: String) -> Int {
        PackContentRules.isJSON(path) ? maximumJSONEntrySize : maximumEntrySize
    }

    func exceedsCompressionRatio(uncompressed: Int, compressed: Int) -> Bool {
        guard uncompressed > compressionRatioThreshold else { return false }
        let (allowed, overflow) = compressed.multipliedReportingOverflow(by: maximumCompressionRatio)
        return !overflow && uncompressed > allowed
    }
}

private let kibibyte = 1_024
private let mebibyte = 1_024 * kibibyte
