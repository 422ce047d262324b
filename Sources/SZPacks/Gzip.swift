/// gzip (RFC 1952) around our DEFLATE encoder, for precompressing text the server sends often (the browser client's
/// files). The header carries no name and no time, so the same input always gives the same bytes.
public enum Gzip {
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        // Magic, method 8 (deflate), no flags, mtime 0, no extra flags, OS 255 (unknown).
        var output: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        output.append(contentsOf: Deflater.deflate(bytes))
        output.appendLittleEndian(CRC32.checksum(bytes))
        output.appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return output
    }
}
