import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the browser client: the app shell for every page the client routes itself, and its files under
/// `/app/{version}/`. Registered before `AuthMiddleware`, as nothing here depends on who asks.
struct ClientController {
    /// Pages the client draws itself; each answers with the app shell so deep links and reloads work.
    static let pagePaths = [
        "/", "/login", "/signup", "/library", "/library/**", "/characters/**", "/game/**", "/join/**",
    ]

    let catalog: ClientAssetCatalog

    func register(on router: Router<AppRequestContext>) {
        for path in Self.pagePaths {
            router.get(RouterPath(path)) { request, _ in
                // The shell is small and names the current version: browsers revalidate it every time.
                respond(with: catalog.shell, to: request, cacheControl: "no-cache")
            }
        }
        router.get("/app/:version/**") { request, context in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let file = catalog.files[path] else {
                throw APIError(
                    status: .notFound,
                    slug: "not-found",
                    title: "Not found",
                    detail: "the client has no file \(path)"
                )
            }
            // A page loaded before an upgrade may still ask for its old version: it gets today's file, uncached.
            let isCurrent = context.parameters.get("version") == catalog.version
            return respond(
                with: file,
                to: request,
                cacheControl: isCurrent ? "public, max-age=31536000, immutable" : "no-cache"
            )
        }
    }

    private func respond(with asset: ClientAsset, to request: Request, cacheControl: String) -> Response {
        var headers = Self.securityHeaders
        headers[.cacheControl] = cacheControl
        let useGzip = asset.gzipped != nil && Self.acceptsGzip(request.headers[values: .acceptEncoding])
        let tag = useGzip ? asset.gzippedTag ?? asset.identityTag : asset.identityTag
        headers[.eTag] = tag
        if asset.gzipped != nil {
            headers[.vary] = "Accept-Encoding"
        }
        if Self.matches(tag, ifNoneMatch: request.headers[values: .ifNoneMatch]) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        var body = asset.identity
        if useGzip, let gzipped = asset.gzipped {
            headers[.contentEncoding] = "gzip"
            body = gzipped
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// No inline script or style, no plugins, no framing; the WebSocket is same-origin (`'self'` covers ws: and
    /// wss: on the page's own host).
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
        "media-src 'self' blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    private static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    ]

    /// `Accept-Encoding: gzip`, `gzip;q=0.5` or `*` allow gzip; `gzip;q=0` forbids it.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";").map { $0.filter { !$0.isWhitespace }.lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) }
            return quality.map { $0 > 0 } ?? true
        }
        return false
    }

    /// RFC 9110's weak comparison, as `If-None-Match` asks for: `W/` prefixes are ignored (proxies add them when
    /// they recompress).
    static func matches(_ tag: String, ifNoneMatch values: [String]) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                let trimmed = candidate.trimmingCharacters(in: .whitespaces)
                if trimmed == "*" || (trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed) == tag {
                    return true
                }
            }
        }
        return false
    }
}
