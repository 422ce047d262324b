public import HTTPTypes
import Hummingbird

/// One route of the API as the OpenAPI document names it: `GET /api/v1/me/tokens/{id}`.
public struct APIRoute: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String

    public var description: String { "\(method.rawValue) \(path)" }
}

/// Registers routes under `/api/v1` and remembers each one, so a test can hold the router against the OpenAPI
/// document.
final class APIRoutes {
    static let prefix = "/api/v1"

    let router: Router<AppRequestContext>
    private(set) var routes: [APIRoute] = []

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    /// `path` uses Hummingbird's `:name` captures.
    func on(
        _ method: HTTPRequest.Method,
        _ path: String,
        handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        onServerRoot(method, Self.prefix + path, handler: handler)
    }

    /// A route outside `/api/v1`, where operators' tools expect it (`/healthz`, `/metrics`); documented all the same.
    func onServerRoot(
        _ method: HTTPRequest.Method,
        _ path: String,
        handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        // `**` (the rest of the path) is documented as the parameter `{path}`.
        let documented = path.split(separator: "/").map { component in
            if component == "**" { return "{path}" }
            return component.hasPrefix(":") ? "{\(component.dropFirst())}" : String(component)
        }
        routes.append(APIRoute(method: method, path: "/" + documented.joined(separator: "/")))
    }
}
