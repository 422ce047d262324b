import Testing

@testable import SZPacks

@Suite("gzip for the client's text files")
struct GzipTests {
    @Test("The member has gzip's header, the deflated data and a trailer with the CRC-32 and the length")
    func roundTrip() throws {
        let input = Array(String(repeating: "const token = state.tokens.get(id);\n", count: 200).utf8)
        let member = Gzip.compress(input)
        #expect(Array(member.prefix(4)) == [0x1F, 0x8B, 8, 0])
        #expect(member.count < input.count / 4)
        let trailer = Array(member.suffix(8))
        let crc = trailer.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        let length = trailer.suffix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        #expect(crc == CRC32.checksum(input))
        #expect(length == UInt32(input.count))
        let body = try Inflater.inflate(member, range: 10..<(member.count - 8), outputLimit: input.count)
        #expect(body == input)
    }

    @Test("The same input always gives the same bytes, so the ETag of a compressed file is stable")
    func deterministic() {
        let input = Array("{\"hello\": \"world\"}".utf8)
        #expect(Gzip.compress(input) == Gzip.compress(input))
        #expect(Gzip.compress([]).count == 20)
    }
}
