/// Everything `settings.json` (and its `SZ_…` environment overrides) says, read once at start and passed down.
/// The keys and their meaning follow pyvtt's administrators' wiki; `docs/administration.md` documents each one.
public struct ServerSettings: Sendable, Equatable {
    public var title: String
    /// Seconds of inactivity after which an account or a game may be removed by the clean-up; 0 means never.
    public var expire: Int
    public var fileLimit: FileLimits
    public var playerColors: [String]
    public var links: [FooterLink]
    public var shards: [String]
    public var hosting: Hosting
    public var login: Login
    public var notify: Notify
    public var cleanup: Cleanup

    /// Upload limits in MiB.
    public struct FileLimits: Sendable, Equatable {
        public var token: Int
        public var background: Int
        public var game: Int
        public var music: Int
        public var pack: Int
    }

    /// A link in the page footer (a legal notice, a roadmap).
    public struct FooterLink: Sendable, Equatable {
        public var label: String
        public var url: String
    }

    public struct Hosting: Sendable, Equatable {
        /// The public host name used in links; empty means `localhost`.
        public var domain: String
        public var port: Int
        /// A unix socket to listen on instead of a TCP port (behind a reverse proxy); empty for none.
        public var socket: String
        /// Serve HTTPS directly with `ssl/cacert.pem` and `ssl/privkey.pem` from the data folder.
        public var ssl: Bool
        /// The server runs behind a reverse proxy that owns the public address.
        public var reverse: Bool
        /// The public base URL when behind a reverse proxy; empty to derive it from domain, port and ssl.
        public var hostingURL: String
        /// The public WebSocket base URL when it differs from `hostingURL`; empty to derive it.
        public var hostingWebSocketURL: String
    }

    public enum LoginType: String, Sendable, Equatable, CaseIterable {
        /// A name is enough: for a trusted local network or a single machine.
        case developer = ""
        /// Accounts with a name and a password.
        case password
    }

    public struct Login: Sendable, Equatable {
        public var type: LoginType
        /// OAuth client settings, kept for the providers of a later version; unused by the current login types.
        public var clientID: String
        public var clientSecret: Secret
        /// Provider user ids admitted whatever their pledge (OAuth providers of a later version).
        public var whitelist: [String]
        /// Minimum pledge in cents (Patreon-style providers of a later version).
        public var minPledge: Int
    }

    public enum NotifyType: String, Sendable, Equatable, CaseIterable {
        /// Errors and clean-up reports go to the log only.
        case none = ""
        case email
    }

    public struct Notify: Sendable, Equatable {
        public var type: NotifyType
        public var host: String
        public var port: Int
        public var sender: String
        public var user: String
        public var password: Secret
    }

    public struct Cleanup: Sendable, Equatable {
        /// The same timeout as the top-level `expire` (the wiki has both); they must agree.
        public var expire: Int
        /// Local time of the daily clean-up, "HH:MM".
        public var daytime: String
    }

    public static let defaults = ServerSettings(
        title: "SessionZero",
        expire: 2_592_000,
        fileLimit: FileLimits(token: 2, background: 10, game: 15, music: 10, pack: 50),
        playerColors: ["#C52828", "#13AA4F", "#ECBC15", "#7F99C7", "#9251B7", "#797A90", "#80533F", "#21A0B7"],
        links: [],
        shards: [],
        hosting: Hosting(
            domain: "",
            port: 8080,
            socket: "",
            ssl: false,
            reverse: false,
            hostingURL: "",
            hostingWebSocketURL: ""
        ),
        login: Login(type: .password, clientID: "", clientSecret: Secret(""), whitelist: [], minPledge: 0),
        notify: Notify(type: .none, host: "", port: 587, sender: "", user: "", password: Secret("")),
        cleanup: Cleanup(expire: 2_592_000, daytime: "03:00")
    )
}

/// A setting that must never reach a log or an error message: its description hides the value.
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { value.isEmpty ? "(empty)" : "(hidden)" }
}
