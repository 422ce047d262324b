import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Serving the browser client")
struct ClientServingTests {
    static let deepLinks = [
        "/", "/login", "/signup", "/library", "/library/core/1.0.0/datasets/items", "/characters/abc",
        "/game/ann/brave-red-fox", "/join/ann/brave-red-fox",
    ]

    @Test("Every page the client routes gets the app shell, revalidated each time and under a strict policy")
    func shell() async throws {
        try await withTestServer(on: .sqlite) { server in
            let home = try await server.get("/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[.cacheControl] == "no-cache")
            #expect(home.headers[.xContentTypeOptions] == "nosniff")
            let policy = try #require(home.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
            let html = String(buffer: home.body)
            let version = try #require(Self.version(in: html))
            #expect(html.contains("src=\"/app/\(version)/js/main.js\""))
            #expect(!html.contains("{{base}}"))
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(
                !scripts.isEmpty && scripts.allSatisfy { $0.hasPrefix(" type=\"module\" src=") },
                "no inline script"
            )
            for path in Self.deepLinks {
                let page = try await server.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(String(buffer: page.body) == html, "\(path)")
            }
        }
    }

    @Test("Files carry a versioned URL and are cached for good; a matching ETag gets 304")
    func caching() async throws {
        try await withTestServer(on: .sqlite) { server in
            let base = try await Self.base(server)
            let script = try await server.get("\(base)/js/main.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(script.headers[.contentSecurityPolicy] != nil)
            let tag = try #require(script.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a strong ETag")
            #expect(String(buffer: script.body).contains("import"))

            for ifNoneMatch in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
                let again = try await server.get("\(base)/js/main.js", headers: [.ifNoneMatch: ifNoneMatch])
                #expect(again.status == .notModified, "\(ifNoneMatch)")
                #expect(again.body.readableBytes == 0)
                #expect(again.headers[.eTag] == tag)
            }
            let changed = try await server.get("\(base)/js/main.js", headers: [.ifNoneMatch: "\"stale\""])
            #expect(changed.status == .ok)

            let shell = try await server.get("/")
            let shellAgain = try await server.get("/", headers: [.ifNoneMatch: try #require(shell.headers[.eTag])])
            #expect(shellAgain.status == .notModified)

            for (path, type) in [
                ("css/app.css", "text/css; charset=utf-8"), ("locales/de.json", "application/json; charset=utf-8"),
                ("icons/logo.svg", "image/svg+xml"),
            ] {
                let file = try await server.get("\(base)/\(path)")
                #expect(file.status == .ok, "\(path)")
                #expect(file.headers[.contentType] == type, "\(path)")
            }
        }
    }

    @Test("Text goes out gzipped when the browser accepts it, with its own ETag and Vary")
    func compression() async throws {
        try await withTestServer(on: .sqlite) { server in
            let base = try await Self.base(server)
            let plain = try await server.get("\(base)/js/pages/table.js")
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let zipped = try await server.get(
                "\(base)/js/pages/table.js",
                headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8, *;q=0.1"]
            )
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(Array(zipped.body.readableBytesView.prefix(2)) == [0x1F, 0x8B])
            #expect(zipped.body.readableBytes < plain.body.readableBytes / 2)
            #expect(zipped.headers[.eTag] != plain.headers[.eTag])
            let zippedAgain = try await server.get(
                "\(base)/js/pages/table.js",
                headers: [.acceptEncoding: "gzip", .ifNoneMatch: try #require(zipped.headers[.eTag])]
            )
            #expect(zippedAgain.status == .notModified)
            #expect(zippedAgain.headers[.contentEncoding] == nil)
            let refused = try await server.get("\(base)/js/pages/table.js", headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            #expect(refused.body == plain.body)
        }
    }

    @Test("Unknown files and paths that climb out of the client are a 404 problem")
    func notFound() async throws {
        try await withTestServer(on: .sqlite) { server in
            let base = try await Self.base(server)
            let missing = try await server.get("\(base)/js/nope.js")
            #expect(try missing.expectProblem(.notFound, "not-found") == "the client has no file js/nope.js")
            for path in [
                "\(base)/../../Package.swift", "\(base)/%2e%2e/%2e%2e/Package.swift", "\(base)/..%2F..%2FPackage.swift",
                "\(base)/index.html", "\(base)/", "/app/Package.swift", "/app/x/../../../etc/passwd",
            ] {
                let response = try await server.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(path)")
            }
            let unknownPage = try await server.get("/nowhere")
            try unknownPage.expectProblem(.notFound, "not-found")
            let unknownAPI = try await server.get("/api/v1/nowhere")
            try unknownAPI.expectProblem(.notFound, "not-found")
        }
    }

    @Test("A page from before an upgrade asking for its old version gets today's file, not cached")
    func oldVersion() async throws {
        try await withTestServer(on: .sqlite) { server in
            let old = try await server.get("/app/0123456789abcdef/js/main.js")
            #expect(old.status == .ok)
            #expect(old.headers[.cacheControl] == "no-cache")
        }
    }

    static func version(in html: String) -> String? {
        guard let range = html.range(of: "/app/") else { return nil }
        let version = html[range.upperBound...].prefix { $0 != "/" }
        return version.count == 16 && version.allSatisfy(\.isHexDigit) ? String(version) : nil
    }

    static func base(_ server: TestServer) async throws -> String {
        let html = String(buffer: try await server.get("/").body)
        return "/app/\(try #require(version(in: html)))"
    }
}
