import Testing

@testable import SZPacks

/// Deterministic pseudo-random bytes (SplitMix64), so that codec tests cover incompressible data.
private struct SeededBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: value ^ (value >> 31))
        }
    }
}

@Suite struct DeflateTests {
    static let samples: [(String, [UInt8])] = {
        var random = SeededBytes(seed: 42)
        let text = Array(
            String(repeating: #"{"name": "Goblin", "hp": 7, "tags": ["small", "green"]}, "#, count: 400).utf8
        )
        let noise = random.next(40_000)
        return [
            ("empty", []),
            ("one byte", [42]),
            ("every byte value", (0...255).map { UInt8($0) }),
            ("JSON-like text", text),
            ("incompressible", noise),
            ("long runs past the window", Array(repeating: 0, count: 70_000) + Array(repeating: 1, count: 300)),
            ("text and noise", text + noise.prefix(5_000) + text),
        ]
    }()

    @Test(arguments: samples)
    func inflateUndoesDeflate(name: String, input: [UInt8]) throws {
        let compressed = Deflater.deflate(input)
        let output = try Inflater.inflate(compressed, range: 0..<compressed.count, outputLimit: input.count)
        #expect(output == input, "\(name)")
    }

    @Test func deflateCompressesRepetitiveText() throws {
        let text = try #require(Self.samples.first { $0.0 == "JSON-like text" }?.1)
        #expect(Deflater.deflate(text).count < text.count / 20)
    }

    @Test func theOutputLimitStopsInflatingEarly() {
        let compressed = Deflater.deflate(Array(repeating: 9, count: 10_000))
        #expect(throws: InflateFailure.outputLimitExceeded) {
            try Inflater.inflate(compressed, range: 0..<compressed.count, outputLimit: 9_999)
        }
    }

    @Test func malformedStreamsFailCleanly() {
        let cases: [([UInt8], InflateFailure)] = [
            ([], .truncated),
            ([0x01, 0x05, 0x00, 0xFA, 0xFF], .truncated),  // a stored block promising 5 bytes and giving none
            ([0x01, 0x05, 0x00, 0x00, 0x00], .invalid("a stored block whose length check fails")),
            ([0x07], .invalid("a block of reserved type 3")),
            ([0x03, 0x02], .invalid("a distance further back than the output")),  // a match before any output
        ]
        for (stream, expected) in cases {
            #expect(throws: expected) { try Inflater.inflate(stream, range: 0..<stream.count, outputLimit: 100) }
        }
    }
}
