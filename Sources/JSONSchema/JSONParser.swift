/// Why a text is not the JSON we accept, and where: line and column count from 1, the column in
/// Unicode scalars.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int
    public let offset: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser: no comments, trailing commas, NaN or duplicate keys; only valid UTF-8;
/// numbers kept exact; nesting depth capped so that hostile input cannot exhaust the stack.
public struct JSONParser: Sendable {
    public var maximumDepth: Int

    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }
        return try result.get()
    }

    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        // Parse in place when the bytes are contiguous (Data, Array): copying a large document doubles its cost.
        if let result = bytes.withContiguousStorageIfAvailable({ buffer in
            Result { () throws(JSONParseError) in try parse(buffer) }
        }) {
            return try result.get()
        }
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(JSONParseError) in try parse(buffer) }
    }

    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(window: buffer, source: nil, maximumDepth: maximumDepth)
        return try reader.parseDocument()
    }

    /// Parses a document that `read` delivers piece by piece, so that its whole text is never held: `read` fills
    /// the start of the buffer it is given (about `chunkSize` bytes) and returns how many bytes it wrote, 0 at the
    /// end. Throws a `JSONParseError`, or what `read` threw.
    public func parse(
        chunkSize: Int = 1 << 20,
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws -> JSONValue {
        try withoutActuallyEscaping(read) { read in
            let source = ChunkSource(chunkSize: chunkSize, read: read)
            var reader = JSONReader(
                window: UnsafeBufferPointer(start: nil, count: 0),
                source: source,
                maximumDepth: maximumDepth
            )
            do {
                return try reader.parseDocument()
            } catch {
                if let failure = source.readFailure { throw failure }
                throw error
            }
        }
    }
}
