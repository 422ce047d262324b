public import Foundation

extension UUID {
    /// An RFC 9562 version 7 UUID: the Unix time in milliseconds in its first 48 bits, then random bits. Ids made
    /// later sort after earlier ones (as bytes and as text), so a table keyed by them grows at the end of its index;
    /// random (version 4) ids put every insert on a different page of it, which a commit then has to write.
    public static func timeOrdered(at time: Date, using random: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1000).rounded(.down)))
        let high = random.next()
        let low = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> UInt64(40 - 8 * index)) }
        for index in 6..<8 { bytes[index] = UInt8(truncatingIfNeeded: high >> UInt64(8 * index)) }
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: low >> UInt64(8 * (index - 8))) }
        bytes[6] = 0x70 | bytes[6] & 0x0F  // version 7
        bytes[8] = 0x80 | bytes[8] & 0x3F  // variant 10
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }
}
