import Foundation
import Hummingbird
import SZStore

/// `/me`, `/me/password` and `/me/tokens`: the caller's own account.
struct MeController {
    let accounts: AccountService

    struct Me: ResponseCodable {
        let user: UserView
        /// Present when the caller uses a session cookie: the token its writes must send in X-CSRF-Token.
        let csrfToken: String?
    }

    struct TokenView: ResponseCodable {
        let id: UUID
        let name: String
        let createdAt: Date
        let lastUsedAt: Date?

        init(_ record: APITokenRecord) {
            id = record.id
            name = record.name
            createdAt = record.createdAt
            lastUsedAt = record.lastUsedAt
        }
    }

    struct NewToken: ResponseCodable {
        let id: UUID
        let name: String
        let createdAt: Date
        /// Shown this once; only its hash is stored.
        let token: String
    }

    func register(on routes: APIRoutes) {
        routes.on(.get, "/me") { request, context in
            let user = try context.requireUser()
            var csrfToken: String?
            if case .session(let session, _) = context.authentication { csrfToken = session.csrfToken }
            return try Me(user: UserView(user), csrfToken: csrfToken).response(from: request, context: context)
        }
        routes.on(.post, "/me/password") { request, context in
            let user = try context.requireUser()
            let body = try await JSONBody.read(request, context: context, fields: ["currentPassword", "newPassword"])
            var currentSession: UUID?
            if case .session(let session, _) = context.authentication { currentSession = session.id }
            try await accounts.changePassword(
                user: user,
                currentPassword: try body.optionalString("currentPassword"),
                newPassword: try body.string("newPassword"),
                keepingSession: currentSession
            )
            return Response(status: .noContent)
        }
        routes.on(.get, "/me/tokens") { request, context in
            let tokens = try await accounts.apiTokens(user: try context.requireUser())
            return try tokens.map(TokenView.init).response(from: request, context: context)
        }
        routes.on(.post, "/me/tokens") { request, context in
            let user = try context.requireUser()
            let body = try await JSONBody.read(request, context: context, fields: ["name"])
            let (record, token) = try await accounts.createAPIToken(user: user, name: try body.string("name"))
            let view = NewToken(id: record.id, name: record.name, createdAt: record.createdAt, token: token)
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.delete, "/me/tokens/:id") { _, context in
            let user = try context.requireUser()
            guard let id = context.parameters.get("id", as: UUID.self) else { throw AccountError.tokenNotFound }
            try await accounts.revokeAPIToken(user: user, id: id)
            return Response(status: .noContent)
        }
    }
}
