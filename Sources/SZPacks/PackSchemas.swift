internal import Foundation
public import JSONSchema

/// The published JSON Schemas of the pack format (version 1), bundled with the library and compiled once.
/// Each schema's `$id` is `https://sessionzero.dev/schemas/v1/<file>`; they refer to each other by those ids.
public struct PackSchemas: Sendable {
    public static let baseURI = "https://sessionzero.dev/schemas/v1/"
    public static let fileNames = [
        "common.schema.json", "szpack.schema.json", "dataset.schema.json", "character-template.schema.json",
        "session-template.schema.json", "character-instance.schema.json", "session-pack.schema.json",
    ]

    /// The schema documents by file name, as published.
    public let documents: [String: JSONValue]
    private let compiled: [String: CompiledSchema]

    /// The bundled schemas. Loading them can only fail if the build is broken.
    public static let bundled: PackSchemas = {
        do {
            return try PackSchemas(documents: loadBundledDocuments())
        } catch {
            fatalError("the bundled pack schemas do not compile: \(error)")
        }
    }()

    public init(documents: [String: JSONValue]) throws(SchemaError) {
        var registry = SchemaRegistry.standard
        for (name, document) in documents {
            registry.register(document, uri: Self.baseURI + name)
        }
        var compiled: [String: CompiledSchema] = [:]
        for (name, document) in documents {
            compiled[name] = try CompiledSchema(document, uri: Self.baseURI + name, registry: registry)
        }
        self.documents = documents
        self.compiled = compiled
    }

    /// The compiled schema for a file name such as `dataset.schema.json`.
    public func schema(named name: String) -> CompiledSchema? {
        compiled[name]
    }

    private static func loadBundledDocuments() throws -> [String: JSONValue] {
        var documents: [String: JSONValue] = [:]
        for name in fileNames {
            guard let url = Bundle.module.url(forResource: "Schemas/v1/" + name.dropLast(5), withExtension: "json")
            else {
                fatalError("the bundled pack schema \(name) is missing: the build is broken")
            }
            documents[name] = try JSONParser().parse(Data(contentsOf: url))
        }
        return documents
    }
}
