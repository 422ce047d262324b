// uri-template (RFC 6570 section 2, level 4).
extension FormatAssertion {
    /// Literals and `{…}` expressions: an optional operator, then comma-separated variable names, each with an
    /// optional prefix (`:1`–`:9999`) or explode (`*`) modifier.
    static func isURITemplate(_ string: String) -> Bool {
        var rest = Array(string.unicodeScalars)[...]
        while let next = rest.first {
            switch next {
            case "{":
                guard let close = rest.firstIndex(of: "}"), isExpression(rest[(rest.startIndex + 1)..<close]) else {
                    return false
                }
                rest = rest[(close + 1)...]
            case "}":
                return false
            default:
                let literalEnd = rest.firstIndex { $0 == "{" || $0 == "}" } ?? rest.endIndex
                guard isLiteral(rest[..<literalEnd]) else { return false }
                rest = rest[literalEnd...]
            }
        }
        return true
    }

    /// RFC 6570's `literals` leaves out the apostrophe, a sub-delim in RFC 3986; the test suite accepts it, and
    /// so does this check.
    private static func isLiteral(_ literal: ArraySlice<Unicode.Scalar>) -> Bool {
        URICharacters(allowsUnicode: true).areValid(literal, extra: ":/?#[]@", allowsPrivateUse: true)
    }

    private static func isExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var body = body
        // The operators "=,!@|" are reserved for future extensions, so they are refused.
        if let first = body.first, "+#./;?&".unicodeScalars.contains(first) { body = body.dropFirst() }
        return body.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isVariableSpecification)
    }

    /// `varname [ ":" max-length / "*" ]`, varname being `varchar *( ["."] varchar )`.
    private static func isVariableSpecification(_ specification: ArraySlice<Unicode.Scalar>) -> Bool {
        var name = specification
        if name.last == "*" {
            name = name.dropLast()
        } else if let colon = name.firstIndex(of: ":") {
            let maximumLength = name[(colon + 1)...]
            guard (1...4).contains(maximumLength.count), maximumLength.first != "0",
                maximumLength.allSatisfy(\.isASCIIDigit)
            else { return false }
            name = name[..<colon]
        }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { varchars in
            !varchars.isEmpty
                && URICharacters.arePercentEncodedOr(varchars) { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
        }
    }
}
