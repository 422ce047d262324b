/// The fixed tables of RFC 1951 §3.2.5–3.2.7.
enum DeflateTables {
    static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtraBits = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1_025, 1_537, 2_049, 3_073,
        4_097, 6_145, 8_193, 12_289, 16_385, 24_577,
    ]
    static let distanceExtraBits = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order in which a dynamic block lists the lengths of the code-length code.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let fixedLiteralLengths: [Int] =
        Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
        + Array(repeating: 8, count: 8)
    /// All 32 five-bit codes, so that the code is complete; codes 30 and 31 never occur in valid data.
    static let fixedDistanceLengths = [Int](repeating: 5, count: 32)

    // try!: the fixed lengths are complete codes, the only thing the decoder's init checks.
    static let fixedLiterals = try! HuffmanDecoder(lengths: fixedLiteralLengths[...])
    static let fixedDistances = try! HuffmanDecoder(lengths: fixedDistanceLengths[...])

    /// The length code (0-based, add 257 for the symbol) of each match length 0...258.
    static let lengthCodes: [Int] = (0...258).map { length in
        length < 3 ? 0 : lengthBase.lastIndex { $0 <= length } ?? 0
    }

    static func distanceCode(_ distance: Int) -> Int {
        distanceBase.lastIndex { $0 <= distance } ?? 0
    }
}
