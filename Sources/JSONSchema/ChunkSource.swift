/// The window that a document read in chunks is parsed from: the bytes the parser still needs (the token it is
/// reading) followed by the next chunk. Only the window is held, never the whole document.
final class ChunkSource {
    private let read: (UnsafeMutableRawBufferPointer) throws -> Int
    private let chunkSize: Int
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var isExhausted = false
    /// What `read` threw; the document then ends there, and the caller reports this instead of the parse error.
    private(set) var readFailure: (any Error)?

    init(chunkSize: Int, read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.read = read
        self.chunkSize = max(chunkSize, 16)
        storage = .allocate(capacity: self.chunkSize)
    }

    deinit {
        storage.deallocate()
    }

    /// Moves `kept` (the end of the current window) to the front and reads one chunk after it; returns the new
    /// window. The storage grows when a single token fills most of it.
    func refill(keeping kept: Slice<UnsafeBufferPointer<UInt8>>) -> UnsafeBufferPointer<UInt8> {
        let keptCount = kept.count
        if storage.count - keptCount < chunkSize / 2 {
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(
                capacity: max(storage.count * 2, keptCount + chunkSize)
            )
            _ = grown.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: kept))
            storage.deallocate()
            storage = grown
        } else if let keptStart = kept.base.baseAddress.map({ $0 + kept.startIndex }), keptCount > 0 {
            storage.baseAddress!.update(from: keptStart, count: keptCount)
        }
        var readCount = 0
        do {
            readCount = try read(
                UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[keptCount...]))
            )
        } catch {
            readFailure = error
        }
        if readCount == 0 { isExhausted = true }
        return UnsafeBufferPointer(rebasing: storage[..<(keptCount + readCount)])
    }
}

/// Lines and columns (in Unicode scalars) of offsets in a document whose start may have been discarded already.
struct LineCounter {
    private var discardedNewlines = 0
    /// Scalars after the last discarded newline.
    private var discardedScalarsOnLine = 0

    mutating func discard(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        if let lastNewline = bytes.lastIndex(of: 0x0A) {
            discardedNewlines += Self.count(bytes[...lastNewline]) { $0 == 0x0A }
            discardedScalarsOnLine = Self.count(bytes[(lastNewline + 1)...]) { $0 & 0xC0 != 0x80 }
        } else {
            discardedScalarsOnLine += Self.count(bytes) { $0 & 0xC0 != 0x80 }
        }
    }

    /// Line and column of `offset` in `window`, the bytes that follow the discarded ones.
    func lineAndColumn(of offset: Int, in window: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let before = window[..<offset]
        guard let lastNewline = before.lastIndex(of: 0x0A) else {
            return (1 + discardedNewlines, 1 + discardedScalarsOnLine + Self.count(before) { $0 & 0xC0 != 0x80 })
        }
        let line = 1 + discardedNewlines + Self.count(before[...lastNewline]) { $0 == 0x0A }
        return (line, 1 + Self.count(before[(lastNewline + 1)...]) { $0 & 0xC0 != 0x80 })
    }

    // A plain loop over the bytes, which the optimizer vectorizes.
    private static func count(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, where matches: (UInt8) -> Bool) -> Int {
        var total = 0
        for byte in bytes { total &+= matches(byte) ? 1 : 0 }
        return total
    }
}
