/// Why a raw DEFLATE stream could not be decoded.
enum InflateFailure: Error, Equatable {
    /// The stream would produce more bytes than allowed: the entry lies about its size.
    case outputLimitExceeded
    /// The compressed bytes end before the stream does.
    case truncated
    /// The stream ends before the compressed bytes do.
    case trailingBytes(Int)
    case invalid(String)
}

/// Reads a DEFLATE bit stream (least significant bit first) from a range of an array. Only whole
/// bytes enter the buffer, so the bytes not yet consumed can always be handed back.
struct BitReader {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    private(set) var buffer: UInt64 = 0
    private(set) var bufferedBits = 0

    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    mutating func refill() {
        while bufferedBits <= 56, position < end {
            buffer |= UInt64(bytes[position]) << UInt64(bufferedBits)
            position += 1
            bufferedBits += 8
        }
    }

    mutating func bits(_ count: Int) throws(InflateFailure) -> Int {
        if bufferedBits < count {
            refill()
            guard bufferedBits >= count else { throw .truncated }
        }
        let value = Int(buffer & ((1 << UInt64(count)) - 1))
        drop(count)
        return value
    }

    mutating func drop(_ count: Int) {
        buffer >>= UInt64(count)
        bufferedBits -= count
    }

    /// Skips to the next byte boundary and hands back the whole bytes still buffered.
    mutating func alignToByte() {
        drop(bufferedBits % 8)
        position -= bufferedBits / 8
        buffer = 0
        bufferedBits = 0
    }

    /// Bytes for a stored block; call after `alignToByte()`.
    mutating func bytes(_ count: Int) throws(InflateFailure) -> ArraySlice<UInt8> {
        guard count <= end - position else { throw .truncated }
        defer { position += count }
        return bytes[position..<position + count]
    }

    /// Whole bytes not consumed, once the stream has ended (the last partial byte is padding).
    var remainingBytes: Int { end - position + bufferedBits / 8 }
}

/// A canonical Huffman code (RFC 1951 §3.2.2) decoded through a 9-bit lookup table, with a
/// bit-by-bit walk for the rare longer codes.
struct HuffmanDecoder {
    private static let fastBits = 9
    private static let maximumLength = 15

    private var counts = [Int](repeating: 0, count: maximumLength + 1)
    private var symbols: [Int] = []
    /// Indexed by the next `fastBits` bits: `length << 9 | symbol`, or 0 for "walk the code".
    private var fastTable = [UInt16](repeating: 0, count: 1 << fastBits)

    /// Builds the code from its code lengths. An over-subscribed code is invalid; an incomplete one
    /// only when it uses lengths above 1 (RFC 1951 allows a single one-bit code, and zlib writes it).
    init(lengths: ArraySlice<Int>) throws(InflateFailure) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...Self.maximumLength {
            left = (left << 1) - counts[length]
            if left < 0 { throw .invalid("an over-subscribed Huffman code") }
        }
        if left > 0, counts[2...].contains(where: { $0 > 0 }) { throw .invalid("an incomplete Huffman code") }

        var nextCode = [Int](repeating: 0, count: Self.maximumLength + 1)
        var offsets = [Int](repeating: 0, count: Self.maximumLength + 2)
        for length in 1...Self.maximumLength {
            nextCode[length] = (nextCode[length - 1] + counts[length - 1]) << 1
            offsets[length + 1] = offsets[length] + counts[length]
        }
        symbols = [Int](repeating: 0, count: offsets[Self.maximumLength + 1])
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
            let code = nextCode[length]
            nextCode[length] += 1
            guard length <= Self.fastBits else { continue }
            let reversed = Self.reverse(code, bits: length)
            for index in stride(from: reversed, to: 1 << Self.fastBits, by: 1 << length) {
                fastTable[index] = UInt16(length << 9 | symbol)
            }
        }
    }

    func decode(_ reader: inout BitReader) throws(InflateFailure) -> Int {
        reader.refill()
        let entry = Int(fastTable[Int(reader.buffer & UInt64((1 << Self.fastBits) - 1))])
        let length = entry >> 9
        if length > 0, length <= reader.bufferedBits {
            reader.drop(length)
            return entry & 0x1FF
        }
        return try walk(&reader)
    }

    /// Canonical decoding one bit at a time: at each length the codes form one contiguous range.
    private func walk(_ reader: inout BitReader) throws(InflateFailure) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...Self.maximumLength {
            guard length <= reader.bufferedBits else { throw .truncated }
            code |= Int((reader.buffer >> UInt64(length - 1)) & 1)
            let count = counts[length]
            if code < first + count {
                reader.drop(length)
                return symbols[index + code - first]
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalid("a Huffman code that is not in the table")
    }

    static func reverse(_ code: Int, bits: Int) -> Int {
        var result = 0
        var code = code
        for _ in 0..<bits {
            result = result << 1 | code & 1
            code >>= 1
        }
        return result
    }
}
