/// Writes a DEFLATE bit stream, least significant bit first.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var bufferedBits = 0

    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(value) << UInt64(bufferedBits)
        bufferedBits += bits
        while bufferedBits >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bufferedBits -= 8
        }
    }

    mutating func write(_ symbol: Int, with code: HuffmanEncoder) {
        write(code.codes[symbol], bits: code.lengths[symbol])
    }

    /// The stream, its last byte padded with zero bits.
    consuming func finish() -> [UInt8] {
        if bufferedBits > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        return bytes
    }
}

/// A canonical Huffman code for the encoder. Built from frequencies, the tree's ties break by
/// weight, then leaves before internal nodes, then symbol, so equal input always gives equal codes.
struct HuffmanEncoder {
    let lengths: [Int]
    /// Bit-reversed codes, ready for the least-significant-bit-first writer.
    let codes: [Int]

    init(lengths: [Int]) {
        self.lengths = lengths
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[length] += 1 }
        var nextCode = [Int](repeating: 0, count: 16)
        for length in 1..<16 { nextCode[length] = (nextCode[length - 1] + counts[length - 1]) << 1 }
        var codes = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = HuffmanDecoder.reverse(nextCode[length], bits: length)
            nextCode[length] += 1
        }
        self.codes = codes
    }

    /// A code for these frequencies with no code longer than `lengthLimit`. Frequencies must have
    /// at least two non-zero entries, so that the code is complete.
    init(frequencies: [Int], lengthLimit: Int) {
        var frequencies = frequencies
        var lengths = Self.treeDepths(frequencies)
        // Flattening the frequencies shortens the deepest codes; all-equal frequencies give a
        // balanced tree, well within every DEFLATE limit.
        while lengths.contains(where: { $0 > lengthLimit }) {
            frequencies = frequencies.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
            lengths = Self.treeDepths(frequencies)
        }
        self.init(lengths: lengths)
    }

    /// The total bits of the symbols these frequencies count, extra bits aside.
    func cost(of frequencies: [Int]) -> Int {
        zip(frequencies, lengths).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Ensures at least two symbols are used: a code with one symbol is incomplete, which some
    /// decoders refuse.
    static func withAtLeastTwoSymbols(_ frequencies: [Int]) -> [Int] {
        var frequencies = frequencies
        var used = frequencies.count { $0 > 0 }
        for index in frequencies.indices where used < 2 && frequencies[index] == 0 {
            frequencies[index] = 1
            used += 1
        }
        return frequencies
    }

    private static func treeDepths(_ frequencies: [Int]) -> [Int] {
        let leaves = frequencies.indices.filter { frequencies[$0] > 0 }
            .sorted { (frequencies[$0], $0) < (frequencies[$1], $1) }
        var lengths = [Int](repeating: 0, count: frequencies.count)
        guard leaves.count > 1 else {
            for leaf in leaves { lengths[leaf] = 1 }
            return lengths
        }
        // Two-queue construction: leaves in weight order, internal nodes appended in the order they
        // are made, which is also weight order.
        var weights = leaves.map { frequencies[$0] }
        var parents = [Int](repeating: 0, count: 2 * leaves.count - 1)
        var nextLeaf = 0
        var nextInternal = leaves.count
        func takeLightest() -> Int {
            if nextLeaf < leaves.count, nextInternal == weights.count || weights[nextLeaf] <= weights[nextInternal] {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInternal += 1
            return nextInternal - 1
        }
        while weights.count < parents.count {
            let first = takeLightest()
            let second = takeLightest()
            parents[first] = weights.count
            parents[second] = weights.count
            weights.append(weights[first] + weights[second])
        }
        var depths = [Int](repeating: 0, count: parents.count)
        for node in stride(from: parents.count - 2, through: 0, by: -1) {
            depths[node] = depths[parents[node]] + 1
        }
        for (index, leaf) in leaves.enumerated() { lengths[leaf] = depths[index] }
        return lengths
    }
}
