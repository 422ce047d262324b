// hostname (RFC 1123 section 2.1, with A-labels checked as RFC 5890 requires) and idn-hostname (RFC 5890).
extension FormatAssertion {
    /// A domain name without a trailing dot, at most 253 octets in its ASCII form, of labels that are LDH
    /// (letters, digits, inner hyphens, 1–63 octets) and, for `xn--` labels, valid A-labels. With
    /// `allowsUnicode`, labels may also be U-labels and the ideographic full stops separate labels.
    static func isDomainName(_ string: String, allowsUnicode: Bool) -> Bool {
        let labels = string.unicodeScalars.split(omittingEmptySubsequences: false) {
            allowsUnicode ? IDNA.isLabelSeparator($0) : $0 == "."
        }
        var asciiLength = labels.count - 1
        var unicodeLabels: [[Unicode.Scalar]] = []
        for label in labels {
            guard let (asciiForm, unicodeForm) = checkedLabel(Array(label), allowsUnicode: allowsUnicode) else {
                return false
            }
            asciiLength += asciiForm.utf8.count
            unicodeLabels.append(unicodeForm)
        }
        return asciiLength <= 253 && IDNA.satisfiesBidiRule(unicodeLabels)
    }

    /// The label's ASCII and Unicode forms, or nil when it is not a valid label.
    private static func checkedLabel(
        _ label: [Unicode.Scalar],
        allowsUnicode: Bool
    ) -> (ascii: String, unicode: [Unicode.Scalar])? {
        let text = String(String.UnicodeScalarView(label))
        if label.allSatisfy(\.isASCII) {
            guard isLDHLabel(label) else { return nil }
            guard text.lowercased().hasPrefix("xn--") else { return (text, label) }
            return IDNA.uLabel(fromALabel: text).map { (text, $0) }
        }
        guard allowsUnicode, IDNA.isValidULabel(label) else { return nil }
        let aLabel = IDNA.aLabel(for: label)
        return aLabel.utf8.count <= 63 ? (aLabel, label) : nil
    }

    private static func isLDHLabel(_ label: [Unicode.Scalar]) -> Bool {
        (1...63).contains(label.count) && label.first != "-" && label.last != "-"
            && label.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
    }
}
