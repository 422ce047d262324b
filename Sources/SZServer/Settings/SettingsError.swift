/// One thing wrong with the settings: where it was found, what is wrong, and how to fix it.
public struct SettingsProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file name or "environment variable SZ_…".
    public let source: String
    /// The dotted key, e.g. `hosting.port` or `links[1].url`; empty for the whole document.
    public let key: String
    public let problem: String
    public let fix: String

    public var description: String {
        let location = key.isEmpty ? source : "\(source): \(key)"
        return "\(location): \(problem). Fix: \(fix)."
    }
}

/// The settings cannot be used; the server does not start. Lists every problem found, not only the first.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [SettingsProblem]

    public var description: String {
        (["The settings are not valid:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
