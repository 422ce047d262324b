import Foundation
import SZStore
import Testing

@Suite("Event ids sort in the order they were made")
struct TimeOrderedUUIDTests {
    /// Every draw the same: all ones or all zeros, the extremes the version and variant bits must survive.
    struct SameBits: RandomNumberGenerator {
        let bits: UInt64
        mutating func next() -> UInt64 { bits }
    }

    let time = Date(timeIntervalSince1970: 1_795_219_200.123)  // 2026-11-21T00:00:00.123Z

    @Test("the time in milliseconds comes first, then version 7 and the RFC 9562 variant, whatever the random bits")
    func layout() {
        var ones = SameBits(bits: .max)
        var zeros = SameBits(bits: 0)
        let high = UUID.timeOrdered(at: time, using: &ones).uuidString
        let low = UUID.timeOrdered(at: time, using: &zeros).uuidString
        #expect(high == "01A1FB67-187B-7FFF-BFFF-FFFFFFFFFFFF")
        #expect(low == "01A1FB67-187B-7000-8000-000000000000")
    }

    @Test("an id made a millisecond later sorts after, as text and as bytes, whatever the random bits")
    func order() {
        var ones = SameBits(bits: .max)
        var zeros = SameBits(bits: 0)
        for later in [
            time.addingTimeInterval(0.001), time.addingTimeInterval(1), time.addingTimeInterval(86_400 * 365),
        ] {
            let earlier = UUID.timeOrdered(at: time, using: &ones)
            let next = UUID.timeOrdered(at: later, using: &zeros)
            #expect(earlier.uuidString < next.uuidString)
            #expect(
                withUnsafeBytes(of: earlier.uuid) { Array($0) }.lexicographicallyPrecedes(
                    withUnsafeBytes(of: next.uuid) { Array($0) }
                )
            )
        }
    }
}
