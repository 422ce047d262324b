import Foundation
import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 document of this API, shipped as a resource.
struct OpenAPIController {
    let document: ByteBuffer

    static func loadDocument() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw OpenAPIDocumentMissing()
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    func register(on routes: APIRoutes) {
        routes.on(.get, "/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
        }
    }
}

/// The build left out the OpenAPI resource, which only a broken package can do.
struct OpenAPIDocumentMissing: Error, CustomStringConvertible {
    var description: String { "the OpenAPI document openapi.json is missing from the SZServer resources" }
}
