import Foundation
import Testing
import ZIPFoundation

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

    @Test func zipFoundationReadsOurArchives() throws {
        var files: [String: [UInt8]] = ["szpack.json": Array(#"{"id": "interop"}"#.utf8)]
        for (name, bytes) in Self.samples { files["media/\(name).bin"] = bytes }
        let archive = try PackArchiveWriter().write(PackArchiveContents(files: files))
        let zip = try Archive(data: Data(archive.bytes), accessMode: .read)
        var read: [String: [UInt8]] = [:]
        for entry in zip {
            var bytes: [UInt8] = []
            _ = try zip.extract(entry) { bytes += $0 }
            read[entry.path] = bytes
        }
        #expect(read == files)
    }

    @Test func weReadArchivesZIPFoundationWritesWithZlib() throws {
        let files: [String: [UInt8]] = Dictionary(
            uniqueKeysWithValues: Self.samples.map { ("media/\($0.0).bin", $0.1) } + [
                ("szpack.json", Array(#"{"id": "interop"}"#.utf8))
            ]
        )
        let zip = try Archive(accessMode: .create)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            try zip.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(bytes.count),
                compressionMethod: .deflate
            ) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        }
        // zlib squeezes the long runs past our 100:1 cap (our writer would store them instead).
        var limits = ArchiveLimits()
        limits.maximumCompressionRatio = 1_100
        let contents = try PackArchiveReader(limits: limits).read([UInt8](try #require(zip.data)))
        #expect(contents == PackArchiveContents(files: files))
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
