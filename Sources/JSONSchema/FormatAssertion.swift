/// The `format` keyword as an assertion (draft 2020-12 format-assertion vocabulary): strict checks of the
/// formats the specification defines, each against the grammar of its RFC.
enum FormatAssertion {
    /// Whether `string` conforms to `format`; nil when the format is unknown (unknown formats are annotations only).
    static func isValid(_ string: String, format: String) -> Bool? {
        switch format {
        case "date-time": isDateTime(string)
        case "date": isDate(string)
        case "time": isTime(string)
        case "duration": isDuration(string)
        case "email": isEmail(string, allowsUnicode: false)
        case "idn-email": isEmail(string, allowsUnicode: true)
        case "hostname": isDomainName(string, allowsUnicode: false)
        case "idn-hostname": isDomainName(string, allowsUnicode: true)
        case "ipv4": isIPv4(string)
        case "ipv6": isIPv6(string)
        case "uri": isURIReference(string, allowsUnicode: false, requiresScheme: true)
        case "uri-reference": isURIReference(string, allowsUnicode: false, requiresScheme: false)
        case "iri": isURIReference(string, allowsUnicode: true, requiresScheme: true)
        case "iri-reference": isURIReference(string, allowsUnicode: true, requiresScheme: false)
        case "uri-template": isURITemplate(string)
        case "uuid": isUUID(string)
        case "regex": (try? ECMARegex(string)) != nil
        case "json-pointer": isJSONPointer(string)
        case "relative-json-pointer": isRelativeJSONPointer(string)
        default: nil
        }
    }
}
