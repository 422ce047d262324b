public import Logging

/// Where the server listens.
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
    case tcp(host: String, port: Int)
    case unixSocket(path: String)

    public var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket(let path): "unix socket \(path)"
        }
    }
}

/// How the server runs, decided once from the flags and the settings: the listening address, the public URL that
/// links and cookies use, the login type and the log level.
public struct LaunchPlan: Sendable, Equatable {
    public let listen: ListenAddress
    /// The address people open, without a trailing slash, e.g. `http://localhost:8080`.
    public let publicURL: String
    /// The base URL of WebSockets, e.g. `wss://vtt.example.org`: `hosting.hosting_websocket_url`, else the public
    /// URL with `ws`/`wss` for `http`/`https`.
    public let publicWebSocketURL: String
    public let loginType: ServerSettings.LoginType
    public let logLevel: Logger.Level
    /// Serve HTTPS directly (`hosting.ssl`).
    public let directTLS: Bool

    /// The public URL once the server is bound: with `--port 0` the system picks the port, and links use it.
    public func publicURL(boundPort: Int?) -> String {
        guard case .tcp(_, 0) = listen, let boundPort, publicURL.hasSuffix(":0") else { return publicURL }
        return publicURL.dropLast() + String(boundPort)
    }

    /// Session cookies carry `Secure` whenever people reach the server over https.
    public var secureCookies: Bool { publicURL.hasPrefix("https://") }

    /// Decides the plan; `lanAddress` finds this machine's network address for `--local-gm`.
    public static func resolve(
        options: ServeOptions,
        settings: ServerSettings,
        lanAddress: () -> String?
    ) throws(LaunchError) -> LaunchPlan {
        try checkFlags(options)
        if options.localGM && settings.hosting.reverse {
            throw LaunchError(
                "--local-gm is for playing on a local network without a proxy, but hosting.reverse is true; "
                    + "drop --local-gm, or set hosting.reverse to false"
            )
        }
        let listen = listenAddress(options: options, settings: settings)
        let loginType = options.localGM ? .developer : settings.login.type
        let logLevel: Logger.Level = options.debug ? .debug : options.quiet ? .warning : .info
        let publicURL = try publicURL(options: options, settings: settings, listen: listen, lanAddress: lanAddress)
        return LaunchPlan(
            listen: listen,
            publicURL: publicURL,
            publicWebSocketURL: webSocketURL(publicURL: publicURL, settings: settings, options: options),
            loginType: loginType,
            logLevel: logLevel,
            directTLS: settings.hosting.ssl
        )
    }

    private static func checkFlags(_ options: ServeOptions) throws(LaunchError) {
        if options.localhost && options.localGM {
            throw LaunchError(
                "--localhost and --local-gm cannot be used together: --local-gm makes links for other machines, "
                    + "--localhost lets only this machine in; drop one of them"
            )
        }
        if options.debug && options.quiet {
            throw LaunchError("--debug and --quiet contradict each other; drop one of them")
        }
        if options.localhost && options.host != nil {
            throw LaunchError("--localhost already means --host 127.0.0.1; drop one of them")
        }
        if options.socket != nil && (options.host != nil || options.port != nil || options.localhost) {
            throw LaunchError(
                "--socket listens on a unix socket instead of a TCP port; drop --host, --port and --localhost"
            )
        }
        if let port = options.port, !(0...65535).contains(port) {
            throw LaunchError("--port \(port) is not a TCP port; use a number from 1 to 65535 (or 0 for any free port)")
        }
        if let socket = options.socket,
            let issue = SettingsChecks.socketPath(socket) ?? (socket.isEmpty ? emptySocket : nil)
        {
            throw LaunchError("--socket: \(issue.problem); \(issue.fix)")
        }
    }

    private static let emptySocket = SettingsReader.Issue(problem: "the path is empty", fix: "give a path")

    private static func listenAddress(options: ServeOptions, settings: ServerSettings) -> ListenAddress {
        if let socket = options.socket { return .unixSocket(path: socket) }
        if options.host == nil && options.port == nil && !options.localhost && !settings.hosting.socket.isEmpty {
            return .unixSocket(path: settings.hosting.socket)
        }
        let host = options.localhost ? "127.0.0.1" : options.host ?? "0.0.0.0"
        return .tcp(host: host, port: options.port ?? settings.hosting.port)
    }

    /// Behind a reverse proxy the proxy owns the public address, even when the server listens on loopback only
    /// (`--localhost`); otherwise `--localhost` and `--local-gm` make links of their own.
    private static func usesHostingURL(settings: ServerSettings, options: ServeOptions) -> Bool {
        !settings.hosting.hostingURL.isEmpty && (settings.hosting.reverse || (!options.localGM && !options.localhost))
    }

    private static func webSocketURL(publicURL: String, settings: ServerSettings, options: ServeOptions) -> String {
        if !settings.hosting.hostingWebSocketURL.isEmpty && usesHostingURL(settings: settings, options: options) {
            return String(settings.hosting.hostingWebSocketURL.trimmingSuffix("/"))
        }
        if publicURL.hasPrefix("https://") { return "wss://" + publicURL.dropFirst("https://".count) }
        return "ws://" + publicURL.dropFirst("http://".count)
    }

    private static func publicURL(
        options: ServeOptions,
        settings: ServerSettings,
        listen: ListenAddress,
        lanAddress: () -> String?
    ) throws(LaunchError) -> String {
        if usesHostingURL(settings: settings, options: options) {
            return String(settings.hosting.hostingURL.trimmingSuffix("/"))
        }
        let scheme = settings.hosting.ssl ? "https" : "http"
        let host: String
        if options.localGM {
            guard let address = lanAddress() else {
                throw LaunchError(
                    "--local-gm needs a network address other than loopback and this machine has none; "
                        + "connect to a network, or drop --local-gm"
                )
            }
            host = address
        } else if options.localhost || settings.hosting.domain.isEmpty {
            host = "localhost"
        } else {
            host = settings.hosting.domain
        }
        guard case .tcp(_, let port) = listen else { return "\(scheme)://\(host)" }
        let isDefaultPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
        return isDefaultPort ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }
}

/// The flags or settings cannot work together; the command stops with exit code 2.
public struct LaunchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(_ suffix: String) -> SubSequence {
        var result = self[...]
        while result.hasSuffix(suffix) { result = result.dropLast(suffix.count) }
        return result
    }
}
