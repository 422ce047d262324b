import Hummingbird
import Logging
import SZStore

/// `/auth/register`, `/auth/login`, `/auth/logout`.
struct AuthController {
    let accounts: AccountService
    let cookies: SessionCookies

    func register(on routes: APIRoutes) {
        routes.on(.post, "/auth/register") { request, context in
            let body = try await JSONBody.read(request, context: context, fields: ["name", "password"])
            let user = try await accounts.register(
                name: try body.string("name"),
                password: try body.optionalString("password")
            )
            context.logger.info("account created", metadata: ["sessionzero.user": "\(user.name)"])
            return try await startSession(for: user, request: request, context: context, status: .created)
        }
        routes.on(.post, "/auth/login") { request, context in
            let body = try await JSONBody.read(request, context: context, fields: ["name", "password"])
            let user = try await accounts.logIn(
                name: try body.string("name"),
                password: try body.optionalString("password"),
                address: context.origin.clientAddress
            )
            return try await startSession(for: user, request: request, context: context, status: .ok)
        }
        routes.on(.post, "/auth/logout") { _, context in
            guard case .session(_, let tokenHash) = context.authentication else { throw AccountError.notAuthenticated }
            try await accounts.endSession(tokenHash: tokenHash)
            var response = Response(status: .noContent)
            cookies.clear(on: &response, origin: context.origin)
            return response
        }
    }

    private func startSession(
        for user: UserRecord,
        request: Request,
        context: AppRequestContext,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let session = try await accounts.startSession(for: user, replacing: cookies.sessionToken(in: request))
        let view = SessionView(user: UserView(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt)
        var response = try EditedResponse(status: status, response: view).response(from: request, context: context)
        cookies.set(session, on: &response, origin: context.origin)
        return response
    }
}
