import Foundation
import Hummingbird
import JSONSchema
import SZCore
import SZStore

/// `/characters`: an account's characters over HTTP. The rules live in `CharacterLibrary`.
struct CharactersController {
    let characters: CharacterLibrary
    let now: @Sendable () -> Date

    /// Character documents are small; an import or update may still carry long texts.
    static let bodyLimit = 256 * 1024

    func register(on routes: APIRoutes) {
        routes.on(.post, "/characters") { request, context in
            let user = try context.requireUser()
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["packId", "version", "templateId", "name"]
            )
            guard let packID = UUID(uuidString: try body.string("packId")) else {
                throw APIError.invalidField("/packId", "must be a pack id (a UUID)")
            }
            let character = try await Self.mapping {
                try await characters.create(
                    owner: user.id,
                    packID: packID,
                    version: try body.string("version"),
                    templateID: try body.string("templateId"),
                    name: try body.string("name"),
                    now: now()
                )
            }
            return APIResponse.make(Self.view(character), for: request, status: .created)
        }
        routes.on(.get, "/characters") { request, context in
            let user = try context.requireUser()
            let page = try Paging(request)
            let list = try await characters.list(owner: user.id, offset: page.offset, limit: page.limit)
            return APIResponse.page(list.map(Self.view), page, for: request)
        }
        routes.on(.get, "/characters/:id") { request, context in
            let character = try await find(context)
            return APIResponse.make(Self.view(character), for: request)
        }
        routes.on(.patch, "/characters/:id") { request, context in
            let user = try context.requireUser()
            let id = try Self.id(context)
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["name", "fields"],
                limit: Self.bodyLimit
            )
            var fields: JSONObject?
            if let value = body.object["fields"] {
                guard let object = value.objectValue else {
                    throw APIError.invalidField("/fields", "must be an object of field values keyed by field id")
                }
                fields = object
            }
            let character = try await Self.mapping {
                try await characters.update(
                    id,
                    by: user.id,
                    name: try body.optionalString("name"),
                    fields: fields,
                    now: now()
                )
            }
            return APIResponse.make(Self.view(character), for: request)
        }
        routes.on(.delete, "/characters/:id") { _, context in
            let user = try context.requireUser()
            let id = try Self.id(context)
            try await Self.mapping { try await characters.delete(id, by: user.id) }
            return Response(status: .noContent)
        }
        routes.on(.get, "/characters/:id/fields/:fieldId/options") { request, context in
            let character = try await find(context)
            let page = try Paging(request)
            let entries = try await Self.mapping {
                try await characters.options(
                    of: character,
                    field: context.parameters.get("fieldId") ?? "",
                    query: request.uri.queryParameters.get("q"),
                    offset: page.offset,
                    limit: page.limit
                )
            }
            return APIResponse.page(
                try entries.map { try JSONParser().parse(Array($0.document.utf8)) },
                page,
                for: request
            )
        }
        routes.on(.get, "/characters/:id/export") { request, context in
            let character = try await find(context)
            var response = APIResponse.make(try characters.export(character), for: request)
            response.headers[.contentDisposition] = "attachment; filename=\"character.json\""
            return response
        }
        routes.on(.post, "/characters/import") { request, context in
            let user = try context.requireUser()
            let document = try await JSONBody.readDocument(
                request,
                context: context,
                limit: Self.bodyLimit,
                maximumDepth: 64
            )
            let character = try await Self.mapping {
                try await characters.importCharacter(document, owner: user.id, now: now())
            }
            return APIResponse.make(Self.view(character), for: request, status: .created)
        }
    }

    private func find(_ context: AppRequestContext) async throws -> CharacterRecord {
        let user = try context.requireUser()
        let id = try Self.id(context)
        return try await Self.mapping { try await characters.character(id, viewer: user.id) }
    }

    private static func id(_ context: AppRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw APIError(
                status: .notFound,
                slug: "character-not-found",
                title: "No such character",
                detail: "a character id is a UUID"
            )
        }
        return id
    }

    static func view(_ character: CharacterRecord) -> JSONValue {
        [
            "id": .string(character.id.uuidString.lowercased()),
            "name": .string(character.name),
            "packId": .string(character.packID.packIDString),
            "version": .string(character.packVersion),
            "templateId": .string(character.templateID),
            "fields": (try? JSONParser().parse(Array(character.fields.utf8))) ?? [:],
            "createdAt": APIResponse.date(character.createdAt),
            "updatedAt": APIResponse.date(character.updatedAt),
        ]
    }

    /// Runs a library operation, turning its refusals into problem documents.
    static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await PacksController.mapping(body)
        } catch let error as CharacterLibraryError {
            throw APIError(error)
        }
    }
}

extension APIError {
    /// The single mapping from the character rules to HTTP.
    init(_ error: CharacterLibraryError) {
        switch error {
        case .notFound:
            self.init(
                status: .notFound,
                slug: "character-not-found",
                title: "No such character",
                detail: error.description
            )
        case .noSuchTemplate, .noSuchField, .notAListField, .dependencyMissing:
            self.init(
                status: .unprocessableContent,
                slug: "cannot-use-template",
                title: "Unusable template or field",
                detail: error.description
            )
        case .invalid(let problems):
            self.init(
                status: .unprocessableContent,
                slug: "invalid-character",
                title: "The character does not fit its template",
                detail: error.description
            )
            errors = problems.map { FieldError(pointer: $0.pointer.description, detail: $0.message) }
        }
    }
}
