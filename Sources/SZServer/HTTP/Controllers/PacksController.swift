import Foundation
import HTTPTypes
import Hummingbird
import JSONSchema
import SZCore
import SZPacks
import SZStore

/// `/packs`, `/entries` and `/schemas/v1`: the pack library over HTTP. The rules live in `PackLibrary`.
struct PacksController {
    let library: PackLibrary
    let store: Store
    let blobs: BlobStore
    let limits: ServerSettings.FileLimits
    let now: @Sendable () -> Date

    func register(on routes: APIRoutes) {
        routes.on(.post, "/packs") { request, context in
            let user = try context.requireUser()
            let visibility = try Self.visibility(request)
            let archive = try await UploadBody.collect(
                request,
                mebibytes: limits.pack,
                slug: "pack-too-large",
                what: "a pack",
                setting: "pack"
            )
            let pack = try await Self.mapping {
                try await library.install(archive, owner: user.id, visibility: visibility, now: now())
            }
            return APIResponse.make(try await view(of: pack, detailed: true), for: request, status: .created)
        }
        routes.on(.get, "/packs") { request, context in
            let page = try Paging(request)
            let packs = try await store.packs.list(
                viewer: context.user?.id,
                query: request.uri.queryParameters.get("q"),
                offset: page.offset,
                limit: page.limit
            )
            var items: [JSONValue] = []
            for pack in packs { items.append(try await view(of: pack, detailed: false)) }
            return APIResponse.page(items, page, for: request)
        }
        routes.on(.get, "/packs/:packId/:version") { request, context in
            let pack = try await find(context)
            return APIResponse.make(try await view(of: pack, detailed: true), for: request)
        }
        routes.on(.delete, "/packs/:packId/:version") { _, context in
            let user = try context.requireUser()
            let pack = try await find(context)
            try await Self.mapping { try await library.delete(pack, by: user) }
            return Response(status: .noContent)
        }
        routes.on(.get, "/packs/:packId/:version/archive") { request, context in
            let pack = try await find(context)
            let bytes = try await Self.mapping { try library.archive(of: pack) }
            let fileName = Self.safeFileName("\(pack.name)-\(pack.version)") + ".szp"
            return APIResponse.bytes(
                bytes,
                contentType: "application/zip",
                for: request,
                etag: pack.sha256,
                headers: [.contentDisposition: "attachment; filename=\"\(fileName)\""]
            )
        }
        routes.on(.get, "/packs/:packId/:version/resolution") { request, context in
            let pack = try await find(context)
            switch try await library.resolve(pack, viewer: context.user?.id) {
            case .success(let chosen):
                return APIResponse.make(["resolved": true, "packs": .array(chosen.map(Self.identity))], for: request)
            case .failure(let error):
                return APIResponse.make(["resolved": false, "explanation": .string(error.description)], for: request)
            }
        }
        routes.on(.get, "/packs/:packId/:version/datasets/:datasetId/entries") { request, context in
            let pack = try await find(context)
            let datasetID = context.parameters.get("datasetId") ?? ""
            guard try await store.packs.object(of: pack.rowID, kind: .dataset, id: datasetID) != nil else {
                throw Self.notFound("dataset", datasetID, in: pack)
            }
            let page = try Paging(request)
            let entries: [PackEntryRecord]
            if let query = request.uri.queryParameters.get("q"), !query.isEmpty {
                entries = try await store.packs.search(
                    query,
                    viewer: context.user?.id,
                    in: (pack.rowID, datasetID),
                    offset: page.offset,
                    limit: page.limit
                ).map(\.entry)
            } else {
                entries = try await store.packs.entries(
                    of: pack.rowID,
                    dataset: datasetID,
                    offset: page.offset,
                    limit: page.limit
                )
            }
            return APIResponse.page(try entries.map { try Self.document($0.document) }, page, for: request)
        }
        routes.on(.get, "/packs/:packId/:version/datasets/:datasetId/entries/:entryId") { request, context in
            let pack = try await find(context)
            let datasetID = context.parameters.get("datasetId") ?? ""
            let entryID = context.parameters.get("entryId") ?? ""
            guard let entry = try await store.packs.entries(of: pack.rowID, dataset: datasetID, ids: [entryID]).first
            else { throw Self.notFound("entry", entryID, in: pack) }
            return APIResponse.make(try Self.document(entry.document), for: request)
        }
        for kind in [PackObjectKind.characterTemplate, .sessionTemplate] {
            routes.on(.get, "/packs/:packId/:version/\(kind.rawValue)s/:templateId") { request, context in
                let pack = try await find(context)
                let templateID = context.parameters.get("templateId") ?? ""
                guard let object = try await store.packs.object(of: pack.rowID, kind: kind, id: templateID) else {
                    throw Self.notFound(kind.rawValue.replacing("-", with: " "), templateID, in: pack)
                }
                return APIResponse.make(try Self.document(object.document), for: request)
            }
        }
        routes.on(.get, "/packs/:packId/:version/media/**") { request, context in
            let pack = try await find(context)
            let path = PackLayout.media + context.parameters.getCatchAll().joined(separator: "/")
            guard let hash = try await store.packs.media(of: pack.rowID, path: path), let bytes = try blobs.bytes(hash)
            else { throw Self.notFound("media file", path, in: pack) }
            return APIResponse.bytes(
                bytes,
                contentType: Self.mediaType(of: path),
                for: request,
                etag: hash,
                headers: [
                    .cacheControl: "public, max-age=86400",
                    .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
                    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                ]
            )
        }
        routes.on(.get, "/entries") { request, context in
            let page = try Paging(request)
            let query = request.uri.queryParameters.get("q") ?? ""
            guard !query.isEmpty else { throw APIError.invalidField("q", "give the words to search for") }
            let hits = try await store.packs.search(
                query,
                viewer: context.user?.id,
                offset: page.offset,
                limit: page.limit
            )
            let items = try hits.map { hit -> JSONValue in
                [
                    "packId": .string(hit.pack.packID.packIDString), "version": .string(hit.pack.version),
                    "packName": .string(hit.pack.name), "datasetId": .string(hit.entry.datasetID),
                    "entry": try Self.document(hit.entry.document),
                ]
            }
            return APIResponse.page(items, page, for: request)
        }
        routes.onServerRoot(.get, "/schemas/v1/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            guard PackSchemas.fileNames.contains(name), let document = PackSchemas.bundled.documents[name] else {
                throw APIError(
                    status: .notFound,
                    slug: "schema-not-found",
                    title: "No such schema",
                    detail: "the published schemas are \(PackSchemas.fileNames.joined(separator: ", "))"
                )
            }
            var response = APIResponse.make(document, for: request)
            response.headers[.contentType] = "application/schema+json"
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
    }

    /// The pack named by the path, when the caller may see it.
    private func find(_ context: AppRequestContext) async throws -> PackRecord {
        guard let packID = context.parameters.get("packId", as: UUID.self) else {
            throw APIError.invalidField("packId", "must be a pack id (a UUID)")
        }
        let version = context.parameters.get("version") ?? ""
        return try await Self.mapping { try await library.pack(packID, version: version, viewer: context.user?.id) }
    }

    private func view(of pack: PackRecord, detailed: Bool) async throws -> JSONValue {
        var object = Self.identity(pack).objectValue ?? [:]
        object["author"] = .string(pack.author)
        object["license"] = .string(pack.license)
        object["description"] = pack.description.map(JSONValue.string) ?? .null
        object["packType"] = .string(pack.packType)
        object["visibility"] = .string(pack.visibility.rawValue)
        object["owner"] = .string(try await store.users.find(id: pack.ownerID)?.name ?? "")
        object["sha256"] = .string(pack.sha256)
        object["size"] = .number(JSONNumber(pack.size))
        object["uploadedAt"] = APIResponse.date(pack.uploadedAt)
        if detailed {
            let manifest = try Self.document(pack.manifest)
            object["dependencies"] = manifest["dependencies"] ?? []
            let objects = try await store.packs.objects(of: pack.rowID)
            object["datasets"] = .array(
                objects.filter { $0.kind == .dataset }.map { dataset in
                    [
                        "id": .string(dataset.objectID), "name": .string(dataset.name),
                        "datasetType": dataset.datasetType.map(JSONValue.string) ?? .null,
                        "entryCount": .number(JSONNumber(dataset.entryCount)),
                        "icon": dataset.icon.map(JSONValue.string) ?? .null,
                    ]
                }
            )
            for (key, kind) in [
                ("characterTemplates", PackObjectKind.characterTemplate), ("sessionTemplates", .sessionTemplate),
            ] {
                object[key] = .array(
                    objects.filter { $0.kind == kind }.map { ["id": .string($0.objectID), "name": .string($0.name)] }
                )
            }
        }
        return .object(object)
    }

    private static func identity(_ pack: PackRecord) -> JSONValue {
        ["packId": .string(pack.packID.packIDString), "version": .string(pack.version), "name": .string(pack.name)]
    }

    private static func document(_ text: String) throws -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    private static func visibility(_ request: Request) throws -> PackVisibility {
        guard let text = request.uri.queryParameters.get("visibility") else { return .private }
        guard let visibility = PackVisibility(rawValue: text) else {
            throw APIError.invalidField("visibility", "must be \"private\" or \"public\"")
        }
        return visibility
    }

    private static func notFound(_ kind: String, _ id: String, in pack: PackRecord) -> APIError {
        APIError(
            status: .notFound,
            slug: "not-found",
            title: "Not found",
            detail: "\(pack.name) \(pack.version) has no \(kind) \"\(id.prefix(200))\""
        )
    }

    private static func safeFileName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" }.prefix(100))
    }

    private static func mediaType(of path: String) -> String {
        switch path.split(separator: ".").last?.lowercased() {
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "gif": "image/gif"
        default: "application/octet-stream"
        }
    }

    /// Runs a library operation, turning its refusals into problem documents.
    static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PackLibraryError {
            throw APIError(error)
        }
    }
}

extension APIError {
    /// The single mapping from the pack library's refusals to HTTP.
    init(_ error: PackLibraryError) {
        switch error {
        case .unreadableArchive:
            self.init(
                status: .unprocessableContent,
                slug: "unreadable-pack",
                title: "Not a readable pack",
                detail: error.description
            )
        case .invalid(let report):
            self.init(
                status: .unprocessableContent,
                slug: "invalid-pack",
                title: "The pack is not valid",
                detail: error.description
            )
            extensions["report"] = report.json
        case .versionExists:
            self.init(
                status: .conflict,
                slug: "version-exists",
                title: "This version is installed",
                detail: error.description
            )
        case .notFound:
            self.init(status: .notFound, slug: "pack-not-found", title: "No such pack", detail: error.description)
        case .forbidden:
            self.init(status: .forbidden, slug: "not-your-pack", title: "Not allowed", detail: error.description)
        case .hasDependants(let names):
            self.init(status: .conflict, slug: "pack-in-use", title: "The pack is in use", detail: error.description)
            extensions["dependants"] = .array(names.map(JSONValue.string))
        case .storage:
            self = .internalFailure
        }
    }
}
