import JSONSchema

extension ServerSettings {
    /// What parsing found besides the settings: warnings about keys this version ignores.
    public struct Parsed: Sendable {
        public let settings: ServerSettings
        public let warnings: [String]
    }

    /// Keys whose values are never shown in messages.
    static let secretKeys: Set<String> = ["login.client_secret", "notify.password"]

    /// Parses `settings.json` with the strict JSON parser, applies `SZ_…` overrides from `environment`, and checks
    /// every value and combination. Missing keys take their defaults.
    public static func parse(
        _ text: String,
        fileName: String,
        environment: [String: String]
    ) throws(SettingsError) -> Parsed {
        let document: JSONValue
        do {
            document = try JSONParser().parse(text)
        } catch {
            throw SettingsError(problems: [
                SettingsProblem(
                    source: fileName,
                    key: "",
                    problem: "this is not valid JSON (\(error))",
                    fix: "correct the file, or delete it to get a fresh default one"
                )
            ])
        }
        guard let root = document.objectValue else {
            throw SettingsError(problems: [
                SettingsProblem(
                    source: fileName,
                    key: "",
                    problem: "the document is \(describeValue(document, hidden: true)), not an object",
                    fix: "write the settings as one JSON object { … }"
                )
            ])
        }
        var reader = SettingsReader(root: root, fileName: fileName, environment: environment, secretKeys: secretKeys)
        let settings = read(&reader)
        reader.finish()
        guard reader.problems.isEmpty else { throw SettingsError(problems: reader.problems) }
        return Parsed(settings: settings, warnings: reader.warnings)
    }

    private static func read(_ reader: inout SettingsReader) -> ServerSettings {
        let fallback = ServerSettings.defaults
        let title = reader.string(["title"], default: fallback.title, check: SettingsChecks.title)
        let expire = readExpiry(&reader)
        return ServerSettings(
            title: title,
            expire: expire,
            fileLimit: readFileLimits(&reader),
            playerColors: readPlayerColors(&reader),
            links: reader.objectArray(["links"], default: fallback.links, keys: ["label", "url"]) { item in
                FooterLink(
                    label: item.string("label", check: SettingsChecks.label),
                    url: item.string("url", check: SettingsChecks.linkURL)
                )
            },
            shards: reader.stringArray(["shards"], default: fallback.shards, check: SettingsChecks.webURL),
            hosting: readHosting(&reader),
            login: readLogin(&reader),
            notify: readNotify(&reader),
            cleanup: Cleanup(
                expire: expire,
                daytime: reader.string(
                    ["cleanup", "daytime"],
                    default: fallback.cleanup.daytime,
                    check: SettingsChecks.daytime
                )
            )
        )
    }

    private static let expiryRange = 0...(10 * 365 * 86_400)

    // The wiki has `expire` and `cleanup.expire` for one timeout: either may be given, and both must then agree.
    private static func readExpiry(_ reader: inout SettingsReader) -> Int {
        reader.section("cleanup")
        let topLevel = reader.lookup(["expire"], syntax: .json)
        let nested = reader.lookup(["cleanup", "expire"], syntax: .json)
        let fallback = ServerSettings.defaults.expire
        let expire = reader.integer(["expire"], default: fallback, range: expiryRange)
        let cleanupExpire = reader.integer(["cleanup", "expire"], default: fallback, range: expiryRange)
        switch (topLevel, nested) {
        case (nil, nil): return fallback
        case (_, nil): return expire
        case (nil, _): return cleanupExpire
        case (.some, .some):
            if expire != cleanupExpire {
                reader.report(
                    .init(
                        problem:
                            "expire is \(expire) but cleanup.expire is \(cleanupExpire); both are the same timeout",
                        fix: "give both the same number of seconds, or keep only one of them"
                    ),
                    at: "expire",
                    source: reader.source(of: [["expire"], ["cleanup", "expire"]])
                )
            }
            return expire
        }
    }

    private static func readFileLimits(_ reader: inout SettingsReader) -> FileLimits {
        reader.section("file_limit")
        let fallback = ServerSettings.defaults.fileLimit
        let range = 1...4096
        return FileLimits(
            token: reader.integer(["file_limit", "token"], default: fallback.token, range: range),
            background: reader.integer(["file_limit", "background"], default: fallback.background, range: range),
            game: reader.integer(["file_limit", "game"], default: fallback.game, range: range),
            music: reader.integer(["file_limit", "music"], default: fallback.music, range: range),
            pack: reader.integer(["file_limit", "pack"], default: fallback.pack, range: range)
        )
    }

    private static func readPlayerColors(_ reader: inout SettingsReader) -> [String] {
        let colors = reader.stringArray(
            ["playercolors"],
            default: ServerSettings.defaults.playerColors,
            check: SettingsChecks.color
        )
        if colors.isEmpty {
            reader.report(
                .init(problem: "the list is empty", fix: "give at least one colour, e.g. [\"#C52828\"]"),
                at: "playercolors",
                source: reader.source(of: [["playercolors"]])
            )
        }
        return colors
    }

    private static func readHosting(_ reader: inout SettingsReader) -> Hosting {
        reader.section("hosting")
        let fallback = ServerSettings.defaults.hosting
        let hosting = Hosting(
            domain: reader.string(["hosting", "domain"], default: fallback.domain, check: SettingsChecks.domain),
            port: reader.integer(["hosting", "port"], default: fallback.port, range: 1...65535),
            socket: reader.string(["hosting", "socket"], default: fallback.socket, check: SettingsChecks.socketPath),
            ssl: reader.boolean(["hosting", "ssl"], default: fallback.ssl),
            reverse: reader.boolean(["hosting", "reverse"], default: fallback.reverse),
            hostingURL: reader.string(
                ["hosting", "hosting_url"],
                default: fallback.hostingURL,
                check: SettingsChecks.optional(SettingsChecks.webURL)
            ),
            hostingWebSocketURL: reader.string(
                ["hosting", "hosting_websocket_url"],
                default: fallback.hostingWebSocketURL,
                check: SettingsChecks.optional(SettingsChecks.webSocketURL)
            )
        )
        if hosting.reverse && hosting.ssl {
            reader.report(
                .init(
                    problem:
                        "hosting.ssl and hosting.reverse are both true, but behind a reverse proxy the proxy does TLS",
                    fix: "set hosting.ssl to false and let the proxy serve https"
                ),
                at: "hosting.ssl",
                source: reader.source(of: [["hosting", "ssl"], ["hosting", "reverse"]])
            )
        }
        if hosting.reverse && hosting.hostingURL.isEmpty {
            reader.report(
                .init(
                    problem: "hosting.reverse is true but hosting.hosting_url is empty, so links cannot be built",
                    fix: "set hosting.hosting_url to the public address, e.g. \"https://vtt.example.org\""
                ),
                at: "hosting.hosting_url",
                source: reader.source(of: [["hosting", "reverse"], ["hosting", "hosting_url"]])
            )
        }
        if !hosting.socket.isEmpty && hosting.ssl {
            reader.report(
                .init(
                    problem: "hosting.ssl is true but hosting.socket is set: direct TLS needs a TCP port",
                    fix: "let the reverse proxy in front of the socket do TLS, and set hosting.ssl to false"
                ),
                at: "hosting.ssl",
                source: reader.source(of: [["hosting", "ssl"], ["hosting", "socket"]])
            )
        }
        return hosting
    }

    private static func readLogin(_ reader: inout SettingsReader) -> Login {
        reader.section("login")
        let fallback = ServerSettings.defaults.login
        return Login(
            type: reader.choice(["login", "type"], default: fallback.type) {
                switch $0 {
                case .developer: "developer login: a name is enough"
                case .password: "accounts with passwords"
                }
            },
            clientID: reader.string(["login", "client_id"], default: fallback.clientID),
            clientSecret: Secret(reader.string(["login", "client_secret"], default: fallback.clientSecret.value)),
            whitelist: reader.stringArray(["login", "whitelist"], default: fallback.whitelist),
            minPledge: reader.integer(["login", "min_pledge"], default: fallback.minPledge, range: 0...Int(Int32.max))
        )
    }

    private static func readNotify(_ reader: inout SettingsReader) -> Notify {
        reader.section("notify")
        let fallback = ServerSettings.defaults.notify
        let notify = Notify(
            type: reader.choice(["notify", "type"], default: fallback.type) {
                switch $0 {
                case .none: "log only"
                case .email: "send e-mail through the SMTP server in notify.host"
                }
            },
            host: reader.string(
                ["notify", "host"],
                default: fallback.host,
                check: SettingsChecks.optional(SettingsChecks.domain)
            ),
            port: reader.integer(["notify", "port"], default: fallback.port, range: 1...65535),
            sender: reader.string(
                ["notify", "sender"],
                default: fallback.sender,
                check: SettingsChecks.optional(SettingsChecks.email)
            ),
            user: reader.string(["notify", "user"], default: fallback.user),
            password: Secret(reader.string(["notify", "password"], default: fallback.password.value))
        )
        if notify.type == .email && (notify.host.isEmpty || notify.sender.isEmpty) {
            reader.report(
                .init(
                    problem: "notify.type is \"email\" but notify.host or notify.sender is empty",
                    fix:
                        "set the SMTP server in notify.host and the From address in notify.sender, or set notify.type to \"\""
                ),
                at: "notify",
                source: reader.source(of: [["notify", "type"], ["notify", "host"], ["notify", "sender"]])
            )
        }
        return notify
    }
}
