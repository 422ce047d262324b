/// Just enough unsigned big-integer arithmetic for `multipleOf`: built from decimal digits, then one
/// remainder by binary long division.
struct BigUnsigned {
    /// Little-endian 32-bit limbs.
    private(set) var limbs: [UInt32]

    init(decimalDigits: [UInt8], trailingZeros: Int) {
        limbs = []
        for digit in decimalDigits { multiplyAdd(10, UInt32(digit)) }
        for _ in 0..<trailingZeros { multiplyAdd(10, 0) }
    }

    private init(limbs: [UInt32]) { self.limbs = limbs }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    private mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    private var bitWidth: Int {
        guard let top = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * 32 + (32 - limbs[top].leadingZeroBitCount)
    }

    private func bit(_ index: Int) -> Bool { limbs[index / 32] & (1 << UInt32(index % 32)) != 0 }

    func remainder(dividingBy divisor: BigUnsigned) -> BigUnsigned {
        var remainder = BigUnsigned(limbs: Array(repeating: 0, count: divisor.limbs.count + 1))
        var index = bitWidth - 1
        while index >= 0 {
            remainder.shiftLeftOne(insert: bit(index))
            if remainder.compare(divisor) >= 0 { remainder.subtract(divisor) }
            index -= 1
        }
        return remainder
    }

    private mutating func shiftLeftOne(insert: Bool) {
        var carry: UInt32 = insert ? 1 : 0
        for index in limbs.indices {
            let next = limbs[index] >> 31
            limbs[index] = limbs[index] << 1 | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    private func compare(_ other: BigUnsigned) -> Int {
        for index in stride(from: max(limbs.count, other.limbs.count) - 1, through: 0, by: -1) {
            let left = index < limbs.count ? limbs[index] : 0
            let right = index < other.limbs.count ? other.limbs[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    private mutating func subtract(_ other: BigUnsigned) {
        var borrow: Int64 = 0
        for index in limbs.indices {
            let right = index < other.limbs.count ? Int64(other.limbs[index]) : 0
            var difference = Int64(limbs[index]) - right - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            limbs[index] = UInt32(difference)
        }
    }
}
