/// IDNA2008 label rules (RFC 5891 section 5.4, RFC 5892, RFC 5893) for the hostname formats.
///
/// The derived property of each code point (RFC 5892 section 3) is computed from the Unicode properties the
/// standard library ships, so it follows the Swift runtime's Unicode version (when written, it matched the
/// IANA table for every code point). Three parts need Unicode data the standard library does not expose and are
/// approximated by code-point blocks: the Bidi_Class used by the Bidi rule, the Joining_Type used by the
/// ZERO WIDTH NON-JOINER rule (letters of joining scripts count as dual-joining, so a few right-joining letters
/// are accepted before it), and the Script property used by the Greek, Hebrew and Katakana rules. Labels are
/// not checked for Normalization Form C.
enum IDNA {
    /// `.` and the three other full stops RFC 3490 section 3.1 treats as label separators.
    static func isLabelSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}"
    }

    /// The U-label an `xn--` label encodes, or nil when it is not a valid A-label: bad or non-canonical
    /// Punycode, nothing but ASCII inside, or an invalid U-label.
    static func uLabel(fromALabel label: some StringProtocol) -> [Unicode.Scalar]? {
        let encoded = String(label.dropFirst(4)).lowercased()
        guard let decoded = Punycode.decode(encoded), !decoded.allSatisfy(\.isASCII),
            Punycode.encode(decoded) == encoded, isValidULabel(decoded)
        else { return nil }
        return decoded
    }

    /// The `xn--` form of a U-label.
    static func aLabel(for uLabel: [Unicode.Scalar]) -> String {
        "xn--" + Punycode.encode(uLabel)
    }

    /// RFC 5891 section 5.4 without the Bidi rule, which applies to whole domain names.
    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, label.first != "-", label.last != "-" else { return false }
        guard !(label.count >= 4 && label[2] == "-" && label[3] == "-") else { return false }
        guard !isCombiningMark(first) else { return false }
        return label.indices.allSatisfy { isPermitted(at: $0, in: label) }
    }

    /// RFC 5893 section 2: in a domain name with any right-to-left label, every label must follow the Bidi rule.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        let isBidiDomain = classes.contains {
            $0.contains { $0 == .rightToLeft || $0 == .arabicNumber }
        }
        return !isBidiDomain || classes.allSatisfy(satisfiesBidiRule)
    }

    // MARK: RFC 5892 derived property

    private enum DerivedProperty {
        case permitted, contextJ, contextO, disallowed
    }

    private static func isPermitted(at index: Int, in label: [Unicode.Scalar]) -> Bool {
        switch derivedProperty(label[index]) {
        case .permitted: true
        case .contextJ: joinerIsPermitted(at: index, in: label)
        case .contextO: contextualCharacterIsPermitted(at: index, in: label)
        case .disallowed: false
        }
    }

    /// RFC 5892 section 3, with the exceptions of section 2.6 (an empty BackwardCompatible set).
    private static func derivedProperty(_ scalar: Unicode.Scalar) -> DerivedProperty {
        switch scalar.value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .permitted
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9: return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed
        case 0x61...0x7A, 0x30...0x39, 0x2D: return .permitted
        case 0x200C, 0x200D: return .contextJ
        // IgnorableBlocks, then OldHangulJamo (the blocks holding Hangul_Syllable_Type L, V and T).
        case 0x20D0...0x20FF, 0x1D100...0x1D24F, 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return .disallowed
        default: break
        }
        let properties = scalar.properties
        guard properties.generalCategory != .unassigned, !properties.changesWhenNFKCCaseFolded,
            !properties.isDefaultIgnorableCodePoint, !properties.isWhitespace, !properties.isNoncharacterCodePoint
        else { return .disallowed }
        switch properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter, .nonspacingMark,
            .spacingMark:
            return .permitted
        default:
            return .disallowed
        }
    }

    // MARK: RFC 5892 appendix A contextual rules

    private static func joinerIsPermitted(at index: Int, in label: [Unicode.Scalar]) -> Bool {
        if index > 0, label[index - 1].properties.canonicalCombiningClass == .virama { return true }
        guard label[index] == "\u{200C}" else { return false }
        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        let before = label[..<index].last { !isTransparent($0) }
        let after = label[(index + 1)...].first { !isTransparent($0) }
        return before.map(isJoiningLetter) == true && after.map(isJoiningLetter) == true
    }

    private static func contextualCharacterIsPermitted(at index: Int, in label: [Unicode.Scalar]) -> Bool {
        let before = index > 0 ? label[index - 1] : nil
        let after = index + 1 < label.count ? label[index + 1] : nil
        switch label[index].value {
        case 0x00B7: return before == "l" && after == "l"
        case 0x0375: return after.map(isGreek) == true
        case 0x05F3, 0x05F4: return before.map(isHebrew) == true
        case 0x30FB: return label.contains(where: isHiraganaKatakanaOrHan)
        case 0x0660...0x0669: return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9: return !label.contains { (0x0660...0x0669).contains($0.value) }
        default: return false
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Joining_Type T: marks and format characters.
    private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    /// Approximates Joining_Type D (and L, R): a letter of a script whose letters join.
    private static func isJoiningLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic else { return false }
        switch scalar.value {
        case 0x0600...0x08FF, 0x1800...0x18AF, 0xA840...0xA87F, 0x10AC0...0x10AFF, 0x10B80...0x10BAF,
            0x10D00...0x10D3F, 0x10F30...0x10FDF, 0x1E900...0x1E95F:
            return true
        default:
            return false
        }
    }

    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\u{0375}" && ((0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value))
    }

    private static func isHebrew(_ scalar: Unicode.Scalar) -> Bool {
        (0x0591...0x05F4).contains(scalar.value) || (0xFB1D...0xFB4F).contains(scalar.value)
    }

    private static func isHiraganaKatakanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30FB: false
        case 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3041...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9D, 0x1B000...0x1B16F, 0x20000...0x3134F:
            true
        default: false
        }
    }

    // MARK: RFC 5893 Bidi rule

    private enum BidiClass {
        case leftToRight, rightToLeft, arabicNumber, europeanNumber, nonspacingMark, neutral
    }

    /// Approximates Bidi_Class for the characters a label may hold; R and AL are both `rightToLeft`, and ES,
    /// CS, ET, ON and BN are all `neutral`.
    private static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        switch scalar.value {
        case 0x30...0x39, 0x06F0...0x06F9: return .europeanNumber
        case 0x0660...0x0669, 0x066B, 0x066C, 0x10E60...0x10E7E: return .arabicNumber
        default: break
        }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return .nonspacingMark }
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return .rightToLeft
        default:
            return scalar.properties.isAlphabetic || category == .decimalNumber ? .leftToRight : .neutral
        }
    }

    private static func satisfiesBidiRule(_ label: [BidiClass]) -> Bool {
        guard let first = label.first, let ending = label.last(where: { $0 != .nonspacingMark }) else { return false }
        switch first {
        case .rightToLeft:
            return !label.contains(.leftToRight)
                && [.rightToLeft, .europeanNumber, .arabicNumber].contains(ending)
                && !(label.contains(.europeanNumber) && label.contains(.arabicNumber))
        case .leftToRight:
            return !label.contains(.rightToLeft) && !label.contains(.arabicNumber)
                && [.leftToRight, .europeanNumber].contains(ending)
        default:
            return false
        }
    }
}
