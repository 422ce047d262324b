import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Starting the built executable")
struct RealStartTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sz-serve-\(UUID().uuidString)")
    }

    @Test("serve creates the data folder, answers /api/v1/health and stops cleanly on SIGTERM")
    func serveAndStop() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(arguments: ["serve", "--data", data.path, "--localhost", "--port", "0"])
        let listening = try #require(await server.line(containing: "SessionZero is listening on"), "\(server.output)")
        let url = try #require(listening.split(separator: " ").last.map { String($0) + "api/v1/health" })

        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"status":"ok"}"#)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("settings.json").path))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("sessionzero.sqlite").path))

        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0, "\(server.output)")
        #expect(server.output.contains("stopped"))
    }

    @Test("serve --socket listens on a unix socket")
    func serveOnSocket() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let socket = data.appendingPathComponent("sz.sock").path
        let server = try ServerProcess(arguments: ["serve", "--data", data.path, "--socket", socket])
        let listening = try #require(await server.line(containing: "SessionZero is listening on"), "\(server.output)")
        #expect(listening.contains("unix socket \(socket)"))
        let response = try httpGet(unixSocket: socket, target: "/api/v1/health")
        #expect(response.hasPrefix("HTTP/1.1 200 OK"))
        #expect(response.hasSuffix(#"{"status":"ok"}"#))
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0, "\(server.output)")
    }

    @Test(
        "Unusable flags and settings end with exit code 2 and a message",
        arguments: [
            (["--localhost", "--local-gm"], "", "--localhost and --local-gm cannot be used together"),
            ([], #"{"hosting": {"ssl": "false"}}"#, "hosting.ssl: expected a boolean, got the string \"false\""),
            ([], #"{"hosting": {"ssl": true}}"#, "hosting.ssl is true but"),
        ]
    )
    func refusedStarts(flags: [String], settings: String, message: String) async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        if !settings.isEmpty {
            try Data(settings.utf8).write(to: data.appendingPathComponent("settings.json"))
        }
        let server = try ServerProcess(arguments: ["serve", "--data", data.path, "--port", "0"] + flags)
        #expect(await server.exitStatus() == 2)
        #expect(server.output.contains(message), "\(server.output)")
    }

    @Test("TLS files that are not PEM end the start with a message naming them")
    func unusableTLSFiles() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let ssl = data.appendingPathComponent("ssl")
        try FileManager.default.createDirectory(at: ssl, withIntermediateDirectories: true)
        try Data(#"{"hosting": {"ssl": true}}"#.utf8).write(to: data.appendingPathComponent("settings.json"))
        for name in ["cacert.pem", "privkey.pem"] {
            try Data("not a certificate".utf8).write(to: ssl.appendingPathComponent(name))
        }
        let server = try ServerProcess(arguments: ["serve", "--data", data.path, "--port", "0"])
        #expect(await server.exitStatus() == 2)
        #expect(server.output.contains("cannot use \(ssl.path)/cacert.pem and \(ssl.path)/privkey.pem for TLS"))
    }

    @Test("DATABASE_URL that is not PostgreSQL is refused without showing its password")
    func badDatabaseURL() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(
            arguments: ["migrate", "--data", data.path],
            environment: ["DATABASE_URL": "mysql://app:s3cret@localhost/db"]
        )
        #expect(await server.exitStatus() == 2)
        #expect(server.output.contains("DATABASE_URL mysql://app:***@localhost/db: it is not a postgres:// URL"))
        #expect(!server.output.contains("s3cret"))
    }

    @Test("An unreachable PostgreSQL ends the start with a message that hides the password")
    func unreachableDatabase() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(
            arguments: ["migrate", "--data", data.path],
            environment: ["DATABASE_URL": "postgres://app:s3cret@127.0.0.1:1/db"]
        )
        #expect(await server.exitStatus() == 1)
        #expect(
            server.output.contains(
                "cannot bring the database (PostgreSQL postgres://app:***@127.0.0.1:1/db) up to date"
            )
        )
        #expect(!server.output.contains("s3cret"))
    }

    @Test("user create makes the first account an admin and prints its initial password once")
    func createUser() async throws {
        let data = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try ServerProcess(arguments: ["user", "create", "--data", data.path, "gm"])
        #expect(await first.exitStatus() == 0, "\(first.output)")
        #expect(first.output.contains("created the admin account gm"))
        #expect(first.output.contains("initial password"))
        let duplicate = try ServerProcess(arguments: ["user", "create", "--data", data.path, "GM"])
        #expect(await duplicate.exitStatus() == 2)
        #expect(duplicate.output.contains("the name \"GM\" is already taken"))
    }
}
