import Logging
import SZServer
import Testing

@Suite("Command-line flags of serve")
struct LaunchPlanTests {
    func plan(_ configure: (inout ServeOptions) -> Void, settings: ServerSettings = .defaults) throws -> LaunchPlan {
        var options = ServeOptions()
        configure(&options)
        return try LaunchPlan.resolve(options: options, settings: settings, lanAddress: { "192.0.2.10" })
    }

    @Test("Without flags it listens on every interface, port 8080, links to localhost, password login")
    func defaults() throws {
        let plan = try plan { _ in }
        #expect(plan.listen == .tcp(host: "0.0.0.0", port: 8080))
        #expect(plan.publicURL == "http://localhost:8080")
        #expect(plan.loginType == .password)
        #expect(plan.logLevel == .info)
        #expect(!plan.secureCookies)
    }

    @Test("--localhost listens on loopback only; --port and --host override the settings")
    func addresses() throws {
        #expect(try plan { $0.localhost = true }.listen == .tcp(host: "127.0.0.1", port: 8080))
        #expect(
            try plan {
                $0.port = 9000
                $0.host = "::1"
            }.listen == .tcp(host: "::1", port: 9000)
        )
        var settings = ServerSettings.defaults
        settings.hosting.domain = "vtt.example.org"
        settings.hosting.port = 80
        #expect(try plan({ _ in }, settings: settings).publicURL == "http://vtt.example.org")
        #expect(try plan({ $0.localhost = true }, settings: settings).publicURL == "http://localhost")
    }

    @Test("--local-gm links to this machine's address and turns the developer login on")
    func localGM() throws {
        let plan = try plan { $0.localGM = true }
        #expect(plan.publicURL == "http://192.0.2.10:8080")
        #expect(plan.loginType == .developer)
        #expect(throws: LaunchError.self) {
            try LaunchPlan.resolve(
                options: {
                    var o = ServeOptions()
                    o.localGM = true
                    return o
                }(),
                settings: .defaults,
                lanAddress: { nil }
            )
        }
    }

    @Test("--socket listens on a unix socket, as does hosting.socket")
    func sockets() throws {
        #expect(try plan { $0.socket = "/tmp/sz.sock" }.listen == .unixSocket(path: "/tmp/sz.sock"))
        var settings = ServerSettings.defaults
        settings.hosting.socket = "/run/sz.sock"
        settings.hosting.reverse = true
        settings.hosting.hostingURL = "https://vtt.example.org/"
        let plan = try plan({ _ in }, settings: settings)
        #expect(plan.listen == .unixSocket(path: "/run/sz.sock"))
        #expect(plan.publicURL == "https://vtt.example.org")
        #expect(plan.secureCookies)
    }

    @Test("--debug and --quiet set the log level")
    func logLevels() throws {
        #expect(try plan { $0.debug = true }.logLevel == .debug)
        #expect(try plan { $0.quiet = true }.logLevel == .warning)
    }

    static func options(_ configure: (inout ServeOptions) -> Void) -> ServeOptions {
        var options = ServeOptions()
        configure(&options)
        return options
    }

    @Test(
        "Contradictory flags are refused with a message that says which to drop",
        arguments: [
            (
                options {
                    $0.localhost = true
                    $0.localGM = true
                },
                "--localhost and --local-gm cannot be used together: --local-gm makes links for other machines, "
                    + "--localhost lets only this machine in; drop one of them"
            ),
            (
                options {
                    $0.debug = true
                    $0.quiet = true
                }, "--debug and --quiet contradict each other; drop one of them"
            ),
            (
                options {
                    $0.localhost = true
                    $0.host = "0.0.0.0"
                }, "--localhost already means --host 127.0.0.1; drop one of them"
            ),
            (
                options {
                    $0.socket = "/tmp/sz.sock"
                    $0.port = 80
                },
                "--socket listens on a unix socket instead of a TCP port; drop --host, --port and --localhost"
            ),
            (
                options { $0.port = 70000 },
                "--port 70000 is not a TCP port; use a number from 1 to 65535 (or 0 for any free port)"
            ),
            (options { $0.socket = "" }, "--socket: the path is empty; give a path"),
        ]
    )
    func contradictions(options: ServeOptions, message: String) {
        #expect(throws: LaunchError(message)) {
            try LaunchPlan.resolve(options: options, settings: .defaults, lanAddress: { "192.0.2.10" })
        }
    }

    @Test("--local-gm behind a reverse proxy is refused")
    func localGMBehindProxy() {
        var settings = ServerSettings.defaults
        settings.hosting.reverse = true
        settings.hosting.hostingURL = "https://vtt.example.org"
        #expect(throws: LaunchError.self) { try plan({ $0.localGM = true }, settings: settings) }
    }

    @Test("Behind a TLS-terminating proxy the hosting URL wins, even with --localhost, and cookies are Secure")
    func behindProxy() throws {
        var settings = ServerSettings.defaults
        settings.hosting.reverse = true
        settings.hosting.hostingURL = "https://vtt.example.org/"
        let plan = try plan({ $0.localhost = true }, settings: settings)
        #expect(plan.listen == .tcp(host: "127.0.0.1", port: 8080))
        #expect(plan.publicURL == "https://vtt.example.org")
        #expect(plan.publicWebSocketURL == "wss://vtt.example.org")
        #expect(plan.secureCookies)
        settings.hosting.hostingWebSocketURL = "wss://live.example.org/"
        #expect(try self.plan({ _ in }, settings: settings).publicWebSocketURL == "wss://live.example.org")
    }

    @Test("Without a proxy the WebSocket URL follows the public URL")
    func webSocketURL() throws {
        #expect(try plan { _ in }.publicWebSocketURL == "ws://localhost:8080")
        var settings = ServerSettings.defaults
        settings.hosting.hostingURL = "https://vtt.example.org"
        settings.hosting.hostingWebSocketURL = "wss://live.example.org"
        #expect(try plan({ _ in }, settings: settings).publicWebSocketURL == "wss://live.example.org")
        #expect(try plan({ $0.localhost = true }, settings: settings).publicWebSocketURL == "ws://localhost:8080")
    }
}
