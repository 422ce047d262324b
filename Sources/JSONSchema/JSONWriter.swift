/// Serialises `JSONValue`s: compact for messages and wire formats, pretty (two-space indent) for files people
/// read. Object keys keep their order, so a document read and written again keeps its layout.
public enum JSONWriter {
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, indent: nil, level: 0)
        return output
    }

    public static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, indent: "  ", level: 0)
        return output + "\n"
    }

    private static func write(_ value: JSONValue, into output: inout String, indent: String?, level: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .number(let number): output += number.description
        case .string(let string): writeString(string, into: &output)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", into: &output, indent: indent, level: level) {
                element,
                output in
                write(element, into: &output, indent: indent, level: level + 1)
            }
        case .object(let object):
            writeContainer(Array(object), open: "{", close: "}", into: &output, indent: indent, level: level) {
                member,
                output in
                writeString(member.key, into: &output)
                output += indent == nil ? ":" : ": "
                write(member.value, into: &output, indent: indent, level: level + 1)
            }
        }
    }

    private static func writeContainer<Element>(
        _ elements: [Element],
        open: String,
        close: String,
        into output: inout String,
        indent: String?,
        level: Int,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let innerBreak = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
        for (offset, element) in elements.enumerated() {
            if offset > 0 { output += "," }
            output += innerBreak
            writeElement(element, &output)
        }
        output += indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        output += close
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
