import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The nginx configuration of docs/administration.md, run with Debian's nginx in front of the built server.
@Suite("Behind nginx, as documented")
struct NginxProxyTests {
    static let nginx = "/usr/sbin/nginx"

    /// The ```nginx block of the "Behind a reverse proxy" section.
    static func documentedConfiguration() throws -> String {
        let document = AdministrationDocTests.document
        let section = try #require(document.range(of: "## Behind a reverse proxy"), "the section is missing")
        let start = try #require(document.range(of: "```nginx\n", range: section.upperBound..<document.endIndex))
        let end = try #require(document.range(of: "```\n", range: start.upperBound..<document.endIndex))
        return String(document[start.upperBound..<end.lowerBound])
    }

    /// Replaces `original`, which must occur in the documented block (so that a changed block fails here, loudly).
    static func replacing(_ original: String, with replacement: String, in text: String) throws -> String {
        #expect(text.contains(original), "the documented nginx block no longer contains \(original)")
        return text.replacingOccurrences(of: original, with: replacement)
    }

    /// A TCP port that is free now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = try ServerProcess(executable: URL(fileURLWithPath: program), arguments: arguments)
        let status = await process.exitStatus()
        return (status, process.output)
    }

    @Test("Requests pass through nginx with TLS, and the forwarded client address reaches the server's log")
    func throughNginx() async throws {
        for tool in [Self.nginx, "/usr/bin/curl", "/usr/bin/openssl"] {
            try #require(
                FileManager.default.isExecutableFile(atPath: tool),
                "\(tool) is missing: install it with `apt-get install nginx curl openssl`"
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sz-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }

        let certificate = try await Self.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("key.pem"), "-out", path("cert.pem"),
                "-days", "1", "-subj", "/CN=localhost",
            ]
        )
        try #require(certificate.status == 0, "\(certificate.output)")

        let data = path("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try Data(#"{"hosting": {"reverse": true, "hosting_url": "https://vtt.example.org"}}"#.utf8)
            .write(to: URL(fileURLWithPath: data + "/settings.json"))
        let socketPath = path("sz.sock")
        let server = try ServerProcess(arguments: ["serve", "--data", data, "--socket", socketPath, "--debug"])
        defer { server.signal(SIGTERM) }
        try #require(await server.line(containing: "SessionZero is listening on") != nil, "\(server.output)")

        let httpsPort = try Self.freePort()
        let httpPort = try Self.freePort()
        var site = try Self.documentedConfiguration()
        site = try Self.replacing("/run/sessionzero/sessionzero.sock", with: socketPath, in: site)
        site = try Self.replacing("listen 443 ssl;", with: "listen 127.0.0.1:\(httpsPort) ssl;", in: site)
        site = try Self.replacing("listen 80;", with: "listen 127.0.0.1:\(httpPort);", in: site)
        site = try Self.replacing(
            "/etc/letsencrypt/live/vtt.example.org/fullchain.pem",
            with: path("cert.pem"),
            in: site
        )
        site = try Self.replacing("/etc/letsencrypt/live/vtt.example.org/privkey.pem", with: path("key.pem"), in: site)
        try Data(site.utf8).write(to: URL(fileURLWithPath: path("sessionzero.conf")))
        // What Debian's /etc/nginx/nginx.conf provides around conf.d; the worker runs as root to reach the socket,
        // which the test server creates with the default umask.
        let main = """
            user root;
            daemon off;
            worker_processes 1;
            pid \(path("nginx.pid"));
            error_log stderr info;
            events { worker_connections 64; }
            http {
                access_log \(path("access.log"));
                client_body_temp_path \(path("body"));
                proxy_temp_path \(path("proxy"));
                fastcgi_temp_path \(path("fastcgi"));
                uwsgi_temp_path \(path("uwsgi"));
                scgi_temp_path \(path("scgi"));
                include \(path("sessionzero.conf"));
            }

            """
        try Data(main.utf8).write(to: URL(fileURLWithPath: path("nginx.conf")))
        let proxy = try ServerProcess(
            executable: URL(fileURLWithPath: Self.nginx),
            arguments: ["-c", path("nginx.conf"), "-e", "/dev/stderr"]
        )
        defer { proxy.signal(SIGQUIT) }
        try #require(await proxy.line(containing: "start worker process") != nil, "\(proxy.output)")

        // The client connects from 127.0.0.5 and claims to be 198.51.100.9 and to carry its own request id.
        let answer = try await Self.run(
            "/usr/bin/curl",
            [
                "--silent", "--show-error", "--insecure", "--include", "--interface", "127.0.0.5",
                "--header", "X-Forwarded-For: 198.51.100.9", "--header", "X-Request-Id: chosen-by-client",
                "https://127.0.0.1:\(httpsPort)/api/v1/health",
            ]
        )
        #expect(answer.status == 0, "\(answer.output)")
        #expect(answer.output.hasPrefix("HTTP/1.1 200 OK"), "\(answer.output)")
        #expect(answer.output.hasSuffix(#"{"status":"ok"}"#))
        let idLine = try #require(
            answer.output.split(separator: "\r\n").first { $0.lowercased().hasPrefix("x-request-id: ") }
        )
        let id = String(idLine.dropFirst("x-request-id: ".count))
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "nginx's $request_id, not the client's")

        let logged = try #require(await server.line(containing: id), "\(server.output)")
        #expect(logged.contains("sessionzero.client=127.0.0.5"), "\(logged)")
        #expect(!server.output.contains("198.51.100.9"))
        #expect(!server.output.contains("chosen-by-client"))

        let metrics = try await Self.run(
            "/usr/bin/curl",
            ["--silent", "--insecure", "--include", "https://127.0.0.1:\(httpsPort)/metrics"]
        )
        #expect(metrics.output.hasPrefix("HTTP/1.1 404"), "/metrics stays hidden: \(metrics.output)")
        let plain = try await Self.run(
            "/usr/bin/curl",
            ["--silent", "--include", "http://127.0.0.1:\(httpPort)/api/v1/health"]
        )
        #expect(plain.output.hasPrefix("HTTP/1.1 301"), "plain HTTP is sent to https: \(plain.output)")
    }
}
