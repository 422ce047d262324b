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
    private var newlines = 0
    /// Scalars after the last newline.
    private var scalarsOnLine = 0

    mutating func discard(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        advance(over: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
    }

    /// Line and column of `offset` in `window`, the bytes that follow the discarded ones.
    func lineAndColumn(of offset: Int, in window: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var counter = self
        counter.advance(over: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: window[..<offset])))
        return (1 + counter.newlines, 1 + counter.scalarsOnLine)
    }

    // Every byte of a chunked document passes through here once, so eight are taken at a time: a word without a
    // newline only needs its UTF-8 continuation bytes (10xxxxxx) counted.
    private mutating func advance(over bytes: UnsafeRawBufferPointer) {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let newlineBytes = word ^ (lowBits &* 0x0A)
            if (newlineBytes &- lowBits) & ~newlineBytes & highBits != 0 {
                advance(overEach: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8]))
            } else {
                scalarsOnLine += 8 - (word & ~(word << 1) & highBits).nonzeroBitCount
            }
            offset += 8
        }
        advance(overEach: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
    }

    private mutating func advance(overEach bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            if byte == 0x0A {
                newlines += 1
                scalarsOnLine = 0
            } else if byte & 0xC0 != 0x80 {
                scalarsOnLine += 1
            }
        }
    }
}
