internal import Foundation

/// The documents a schema may reference, by absolute URI. Nothing is ever fetched from the network:
/// a reference to a URI that is not registered here is a compile error.
public struct SchemaRegistry: Sendable {
    private(set) var documents: [String: JSONValue] = [:]

    public init() {}

    /// A registry holding the official draft 2020-12 and draft-07 meta-schemas, bundled with the library.
    public static let standard: SchemaRegistry = {
        var registry = SchemaRegistry()
        let bundled = [
            ("draft2020-12/schema", "https://json-schema.org/draft/2020-12/schema"),
            ("draft-07/schema", "http://json-schema.org/draft-07/schema"),
        ]
        let vocabularies = [
            "core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation",
            "format-assertion", "content",
        ]
        let all =
            bundled
            + vocabularies.map { ("draft2020-12/meta/\($0)", "https://json-schema.org/draft/2020-12/meta/\($0)") }
        for (path, uri) in all {
            registry.register(loadBundledMetaSchema(path), uri: uri)
        }
        return registry
    }()

    /// Adds a document under `uri` (its retrieval URI); `$id`s inside it are indexed when it is used.
    public mutating func register(_ document: JSONValue, uri: String) {
        documents[URIReference(uri).withoutFragment.text] = document
    }

    public func document(at uri: String) -> JSONValue? {
        documents[URIReference(uri).withoutFragment.text]
    }

    private static func loadBundledMetaSchema(_ path: String) -> JSONValue {
        // A missing bundled file is a packaging defect, not a user error: stop with a message that says so.
        guard let url = Bundle.module.url(forResource: "MetaSchemas/" + path, withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let document = try? JSONParser().parse(data)
        else { fatalError("the bundled meta-schema \(path).json is missing or unreadable: the build is broken") }
        return document
    }
}
