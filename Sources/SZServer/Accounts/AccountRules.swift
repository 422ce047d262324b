/// The rules for account names, passwords and token names, checked before anything reaches the store.
enum AccountRules {
    static let nameLength = 1...32
    /// bcrypt reads only the first 72 bytes; a longer password would be silently truncated, so it is refused.
    static let passwordBytes = 8...72
    static let tokenNameLength = 1...64

    /// Letters, digits, `_`, `-` and `.`, starting with a letter or digit: safe in URLs, logs and HTML.
    static func checkName(_ name: String, field: String = "/name") throws(AccountError) {
        guard nameLength.contains(name.count) else {
            throw .invalidField(field: field, reason: "must be 1 to 32 characters long")
        }
        let bytes = name.utf8
        let allowed = bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        guard allowed, let first = bytes.first, isAlphanumeric(first) else {
            throw .invalidField(
                field: field,
                reason: "may contain only letters A-Z, digits, '_', '-' and '.', and must start with a letter or digit"
            )
        }
    }

    static func checkPassword(_ password: String, field: String) throws(AccountError) {
        guard passwordBytes.contains(password.utf8.count) else {
            throw .invalidField(field: field, reason: "must be 8 to 72 bytes long (bcrypt ignores anything past 72)")
        }
    }

    static func checkTokenName(_ name: String) throws(AccountError) {
        guard tokenNameLength.contains(name.count),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw .invalidField(field: "/name", reason: "must be 1 to 64 characters without control characters")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
