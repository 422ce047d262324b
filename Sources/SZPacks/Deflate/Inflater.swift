/// A raw DEFLATE (RFC 1951) decoder for untrusted data. It stops the moment the output would pass
/// `outputLimit`, so a size lie costs at most the declared size; it fails instead of looping when
/// the input runs out; and it refuses bytes left after the final block.
enum Inflater {
    static func inflate(_ input: [UInt8], range: Range<Int>, outputLimit: Int) throws(InflateFailure) -> [UInt8] {
        var state = State(reader: BitReader(input, range: range), limit: outputLimit)
        try state.run()
        let remaining = state.reader.remainingBytes
        if remaining > 0 { throw .trailingBytes(remaining) }
        return state.output
    }

    private struct State {
        var reader: BitReader
        let limit: Int
        var output: [UInt8] = []

        init(reader: BitReader, limit: Int) {
            self.reader = reader
            self.limit = limit
            output.reserveCapacity(limit)
        }

        mutating func run() throws(InflateFailure) {
            var isFinal = false
            while !isFinal {
                isFinal = try reader.bits(1) == 1
                switch try reader.bits(2) {
                case 0: try copyStoredBlock()
                case 1: try decodeBlock(literals: DeflateTables.fixedLiterals, distances: DeflateTables.fixedDistances)
                case 2:
                    let (literals, distances) = try readDynamicCodes()
                    try decodeBlock(literals: literals, distances: distances)
                default: throw .invalid("a block of reserved type 3")
                }
            }
        }

        private mutating func copyStoredBlock() throws(InflateFailure) {
            reader.alignToByte()
            let header = try reader.bytes(4)
            let length = Int(header[header.startIndex]) | Int(header[header.startIndex + 1]) << 8
            let complement = Int(header[header.startIndex + 2]) | Int(header[header.startIndex + 3]) << 8
            guard length == complement ^ 0xFFFF else { throw .invalid("a stored block whose length check fails") }
            guard length <= limit - output.count else { throw .outputLimitExceeded }
            output.append(contentsOf: try reader.bytes(length))
        }

        private mutating func readDynamicCodes() throws(InflateFailure) -> (HuffmanDecoder, HuffmanDecoder) {
            let literalCount = try reader.bits(5) + 257
            let distanceCount = try reader.bits(5) + 1
            let codeLengthCount = try reader.bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                throw .invalid("a dynamic block with too many literal or distance codes")
            }
            var codeLengthLengths = [Int](repeating: 0, count: 19)
            for index in DeflateTables.codeLengthOrder.prefix(codeLengthCount) {
                codeLengthLengths[index] = try reader.bits(3)
            }
            let codeLengthDecoder = try HuffmanDecoder(lengths: codeLengthLengths[...])
            let total = literalCount + distanceCount
            var lengths: [Int] = []
            lengths.reserveCapacity(total)
            while lengths.count < total {
                let symbol = try codeLengthDecoder.decode(&reader)
                let (value, repeatCount): (Int, Int)
                switch symbol {
                case 0...15: (value, repeatCount) = (symbol, 1)
                case 16:
                    guard let previous = lengths.last else { throw .invalid("a repeated code length with none before") }
                    (value, repeatCount) = (previous, try reader.bits(2) + 3)
                case 17: (value, repeatCount) = (0, try reader.bits(3) + 3)
                default: (value, repeatCount) = (0, try reader.bits(7) + 11)
                }
                guard lengths.count + repeatCount <= total else { throw .invalid("code lengths overflow the block") }
                lengths.append(contentsOf: repeatElement(value, count: repeatCount))
            }
            guard lengths[256] > 0 else { throw .invalid("a dynamic block without an end-of-block code") }
            return (
                try HuffmanDecoder(lengths: lengths[..<literalCount]),
                try HuffmanDecoder(lengths: lengths[literalCount...])
            )
        }

        private mutating func decodeBlock(
            literals: HuffmanDecoder,
            distances: HuffmanDecoder
        ) throws(InflateFailure) {
            while true {
                let symbol = try literals.decode(&reader)
                if symbol < 256 {
                    guard output.count < limit else { throw .outputLimitExceeded }
                    output.append(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return }
                let lengthCode = symbol - 257
                guard lengthCode < DeflateTables.lengthBase.count else { throw .invalid("an invalid length code") }
                let length =
                    DeflateTables.lengthBase[lengthCode] + (try reader.bits(DeflateTables.lengthExtraBits[lengthCode]))
                let distanceCode = try distances.decode(&reader)
                guard distanceCode < DeflateTables.distanceBase.count else {
                    throw .invalid("an invalid distance code")
                }
                let distance =
                    DeflateTables.distanceBase[distanceCode]
                    + (try reader.bits(DeflateTables.distanceExtraBits[distanceCode]))
                guard distance <= output.count else { throw .invalid("a distance further back than the output") }
                guard length <= limit - output.count else { throw .outputLimitExceeded }
                var from = output.count - distance
                for _ in 0..<length {
                    output.append(output[from])
                    from += 1
                }
            }
        }
    }
}
