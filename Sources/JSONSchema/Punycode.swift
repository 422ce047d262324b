/// RFC 3492 Punycode, the encoding inside IDNA A-labels (`xn--…`). Works on the part after the prefix.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialCodePoint = 0x80

    /// The scalars `encoded` stands for, or nil when it is not well-formed Punycode.
    static func decode(_ encoded: some StringProtocol) -> [Unicode.Scalar]? {
        let input = Array(encoded.unicodeScalars)
        guard input.allSatisfy(\.isASCII) else { return nil }
        let delimiter = input.lastIndex(of: "-")
        var output = delimiter.map { Array(input[..<$0]) } ?? []
        var position = delimiter.map { $0 + 1 } ?? 0
        var codePoint = initialCodePoint
        var bias = initialBias
        var index = 0
        while position < input.count {
            let previousIndex = index
            var weight = 1
            var k = base
            while true {
                guard position < input.count, let digit = digitValue(input[position]) else { return nil }
                position += 1
                let (step, stepOverflow) = digit.multipliedReportingOverflow(by: weight)
                let (sum, sumOverflow) = index.addingReportingOverflow(step)
                guard !stepOverflow, !sumOverflow else { return nil }
                index = sum
                let threshold = self.threshold(k, bias)
                if digit < threshold { break }
                let (nextWeight, weightOverflow) = weight.multipliedReportingOverflow(by: base - threshold)
                guard !weightOverflow else { return nil }
                weight = nextWeight
                k += base
            }
            let length = output.count + 1
            bias = adapt(index - previousIndex, length: length, isFirst: previousIndex == 0)
            codePoint += index / length
            index %= length
            guard codePoint <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(codePoint)), !scalar.isASCII else {
                return nil
            }
            output.insert(scalar, at: index)
            index += 1
        }
        return output
    }

    /// The Punycode form of `scalars` (without the `xn--` prefix).
    static func encode(_ scalars: [Unicode.Scalar]) -> String {
        var output = String(String.UnicodeScalarView(scalars.filter(\.isASCII)))
        let basicCount = output.unicodeScalars.count
        if basicCount > 0 { output += "-" }
        var handled = basicCount
        var codePoint = initialCodePoint
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            let next = scalars.lazy.map { Int($0.value) }.filter { $0 >= codePoint }.min()!
            delta += (next - codePoint) * (handled + 1)
            codePoint = next
            for scalar in scalars {
                let value = Int(scalar.value)
                if value < codePoint { delta += 1 }
                guard value == codePoint else { continue }
                var remainder = delta
                var k = base
                while true {
                    let threshold = self.threshold(k, bias)
                    if remainder < threshold { break }
                    output.unicodeScalars.append(digit(threshold + (remainder - threshold) % (base - threshold)))
                    remainder = (remainder - threshold) / (base - threshold)
                    k += base
                }
                output.unicodeScalars.append(digit(remainder))
                bias = adapt(delta, length: handled + 1, isFirst: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            codePoint += 1
        }
        return output
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func adapt(_ delta: Int, length: Int, isFirst: Bool) -> Int {
        var delta = isFirst ? delta / damp : delta / 2
        delta += delta / length
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": Int(scalar.value) - 97
        case "A"..."Z": Int(scalar.value) - 65
        case "0"..."9": Int(scalar.value) - 22
        default: nil
        }
    }

    private static func digit(_ value: Int) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(value < 26 ? value + 97 : value + 22))
    }
}
