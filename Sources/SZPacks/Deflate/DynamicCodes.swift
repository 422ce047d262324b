/// The Huffman codes of a dynamic block and the header that transmits them (RFC 1951 §3.2.7):
/// code lengths run-length encoded with symbols 16 (repeat the previous length), 17 and 18 (runs
/// of zeros), themselves Huffman coded.
struct DynamicCodes {
    let literals: HuffmanEncoder
    let distances: HuffmanEncoder
    private let codeLengthCode: HuffmanEncoder
    private let literalCount: Int
    private let distanceCount: Int
    private let codeLengthCount: Int
    private let runs: [(symbol: Int, extra: Int)]
    /// The header's size, the three block-type bits aside.
    let headerBits: Int

    private static let extraBits = [16: 2, 17: 3, 18: 7]

    init(literalFrequencies: [Int], distanceFrequencies: [Int]) {
        literals = HuffmanEncoder(
            frequencies: HuffmanEncoder.withAtLeastTwoSymbols(literalFrequencies),
            lengthLimit: 15
        )
        distances = HuffmanEncoder(
            frequencies: HuffmanEncoder.withAtLeastTwoSymbols(distanceFrequencies),
            lengthLimit: 15
        )
        literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        runs = Self.runLengthEncode(Array(literals.lengths[..<literalCount] + distances.lengths[..<distanceCount]))

        var codeLengthFrequencies = [Int](repeating: 0, count: 19)
        for run in runs { codeLengthFrequencies[run.symbol] += 1 }
        codeLengthCode = HuffmanEncoder(
            frequencies: HuffmanEncoder.withAtLeastTwoSymbols(codeLengthFrequencies),
            lengthLimit: 7
        )
        let codeLengthCode = codeLengthCode
        codeLengthCount = max(4, (DeflateTables.codeLengthOrder.lastIndex { codeLengthCode.lengths[$0] > 0 } ?? 0) + 1)
        headerBits =
            5 + 5 + 4 + 3 * codeLengthCount
            + runs.reduce(0) { $0 + codeLengthCode.lengths[$1.symbol] + (Self.extraBits[$1.symbol] ?? 0) }
    }

    func writeHeader(to writer: inout BitWriter) {
        writer.write(literalCount - 257, bits: 5)
        writer.write(distanceCount - 1, bits: 5)
        writer.write(codeLengthCount - 4, bits: 4)
        for symbol in DeflateTables.codeLengthOrder.prefix(codeLengthCount) {
            writer.write(codeLengthCode.lengths[symbol], bits: 3)
        }
        for run in runs {
            writer.write(run.symbol, with: codeLengthCode)
            if let bits = Self.extraBits[run.symbol] { writer.write(run.extra, bits: bits) }
        }
    }

    private static func runLengthEncode(_ lengths: [Int]) -> [(symbol: Int, extra: Int)] {
        var runs: [(symbol: Int, extra: Int)] = []
        var index = 0
        while index < lengths.count {
            let length = lengths[index]
            var count = 1
            while index + count < lengths.count, lengths[index + count] == length { count += 1 }
            index += count
            if length == 0 {
                while count >= 11 {
                    let chunk = min(count, 138)
                    runs.append((18, chunk - 11))
                    count -= chunk
                }
                if count >= 3 {
                    runs.append((17, count - 3))
                    count = 0
                }
            } else {
                runs.append((length, 0))
                count -= 1
                while count >= 3 {
                    let chunk = min(count, 6)
                    runs.append((16, chunk - 3))
                    count -= chunk
                }
            }
            runs.append(contentsOf: repeatElement((symbol: length, extra: 0), count: count))
        }
        return runs
    }
}
