/// A raw DEFLATE (RFC 1951) encoder with fixed parameters. It is ours rather than zlib's so that a
/// pack folder gives the same bytes, and the same SHA-256, on every platform and zlib version
/// (Apple's Compression framework and zlib produce different streams). Greedy LZ77 over a 32 KiB
/// window with hash chains, then per block the smaller of a dynamic or the fixed Huffman code.
/// Changing any parameter here changes every pack's hash.
enum Deflater {
    private static let tokensPerBlock = 16_384

    static func deflate(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        var finder = MatchFinder(input)
        var tokens: [LZ77Token] = []
        tokens.reserveCapacity(tokensPerBlock)
        var position = 0
        repeat {
            tokens.removeAll(keepingCapacity: true)
            while tokens.count < tokensPerBlock, position < input.count {
                let token = finder.token(at: position)
                tokens.append(token)
                position += token.isLiteral ? 1 : Int(token.length)
            }
            writeBlock(tokens, isFinal: position == input.count, to: &writer)
        } while position < input.count
        return writer.finish()
    }

    private static func writeBlock(_ tokens: [LZ77Token], isFinal: Bool, to writer: inout BitWriter) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        for token in tokens {
            if token.isLiteral {
                literalFrequencies[Int(token.value)] += 1
            } else {
                literalFrequencies[257 + DeflateTables.lengthCodes[Int(token.length)]] += 1
                distanceFrequencies[DeflateTables.distanceCode(Int(token.value))] += 1
            }
        }
        literalFrequencies[256] = 1

        let dynamic = DynamicCodes(literalFrequencies: literalFrequencies, distanceFrequencies: distanceFrequencies)
        let dynamicCost =
            dynamic.headerBits + dynamic.literals.cost(of: literalFrequencies)
            + dynamic.distances.cost(of: distanceFrequencies)
        let fixedCost = fixedLiterals.cost(of: literalFrequencies) + fixedDistances.cost(of: distanceFrequencies)

        writer.write(isFinal ? 1 : 0, bits: 1)
        let literals: HuffmanEncoder
        let distances: HuffmanEncoder
        if dynamicCost < fixedCost {
            writer.write(2, bits: 2)
            dynamic.writeHeader(to: &writer)
            (literals, distances) = (dynamic.literals, dynamic.distances)
        } else {
            writer.write(1, bits: 2)
            (literals, distances) = (fixedLiterals, fixedDistances)
        }
        for token in tokens {
            if token.isLiteral {
                writer.write(Int(token.value), with: literals)
                continue
            }
            let length = Int(token.length)
            let lengthCode = DeflateTables.lengthCodes[length]
            writer.write(257 + lengthCode, with: literals)
            writer.write(
                length - DeflateTables.lengthBase[lengthCode],
                bits: DeflateTables.lengthExtraBits[lengthCode]
            )
            let distance = Int(token.value)
            let distanceCode = DeflateTables.distanceCode(distance)
            writer.write(distanceCode, with: distances)
            writer.write(
                distance - DeflateTables.distanceBase[distanceCode],
                bits: DeflateTables.distanceExtraBits[distanceCode]
            )
        }
        writer.write(256, with: literals)
    }

    private static let fixedLiterals = HuffmanEncoder(lengths: DeflateTables.fixedLiteralLengths)
    private static let fixedDistances = HuffmanEncoder(lengths: DeflateTables.fixedDistanceLengths)
}

/// A literal byte, or a match of `length` bytes `value` bytes back.
struct LZ77Token {
    let length: UInt16
    let value: UInt16

    var isLiteral: Bool { length == 0 }
}

/// Greedy longest-match search over hash chains of three-byte prefixes.
struct MatchFinder {
    private static let windowSize = 32_768
    private static let hashBits = 15
    private static let maximumChainLength = 128
    private static let minimumMatch = 3
    private static let maximumMatch = 258

    private let input: [UInt8]
    private var heads = [Int32](repeating: -1, count: 1 << hashBits)
    private var previous = [Int32](repeating: -1, count: windowSize)

    init(_ input: [UInt8]) {
        self.input = input
    }

    mutating func token(at position: Int) -> LZ77Token {
        let (length, distance) = longestMatch(at: position)
        guard length >= Self.minimumMatch else {
            insert(position)
            return LZ77Token(length: 0, value: UInt16(input[position]))
        }
        for covered in position..<position + length { insert(covered) }
        return LZ77Token(length: UInt16(length), value: UInt16(distance))
    }

    private func longestMatch(at position: Int) -> (length: Int, distance: Int) {
        guard position + Self.minimumMatch <= input.count else { return (0, 0) }
        let maximumLength = min(Self.maximumMatch, input.count - position)
        var bestLength = 0
        var bestDistance = 0
        var candidate = Int(heads[hash(at: position)])
        var chain = Self.maximumChainLength
        while candidate >= 0, position - candidate <= Self.windowSize, chain > 0 {
            if input[candidate + bestLength] == input[position + bestLength] {
                var length = 0
                while length < maximumLength, input[candidate + length] == input[position + length] { length += 1 }
                if length > bestLength {
                    bestLength = length
                    bestDistance = position - candidate
                    if length == maximumLength { break }
                }
            }
            candidate = Int(previous[candidate & (Self.windowSize - 1)])
            chain -= 1
        }
        return (bestLength, bestDistance)
    }

    private mutating func insert(_ position: Int) {
        guard position + Self.minimumMatch <= input.count else { return }
        let bucket = hash(at: position)
        previous[position & (Self.windowSize - 1)] = heads[bucket]
        heads[bucket] = Int32(position)
    }

    private func hash(at position: Int) -> Int {
        let prefix = UInt32(input[position]) | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2]) << 16
        return Int((prefix &* 2_654_435_761) >> UInt32(32 - Self.hashBits))
    }
}
