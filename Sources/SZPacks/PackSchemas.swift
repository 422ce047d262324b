internal import Foundation
public import JSONSchema
import SZCore

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
        // A session pack's state and snapshots are the two branches of session-pack.schema.json; checking
        // each against its own branch gives an author that branch's errors rather than both branches'.
        // The wrappers get URIs of their own: under session-pack.schema.json's they would shadow it.
        let branches = [(Self.sessionStateReference, "session-state"), (Self.snapshotReference, "snapshot")]
        for (reference, wrapperName) in branches where documents[Self.sessionPack] != nil {
            let wrapper: JSONValue = ["$ref": .string(Self.baseURI + reference)]
            let uri = Self.baseURI + "documents/" + wrapperName
            compiled[reference] = try CompiledSchema(wrapper, uri: uri, registry: registry)
        }
        self.documents = documents
        self.compiled = compiled
    }

    /// The compiled schema for a file name such as `dataset.schema.json`.
    public func schema(named name: String) -> CompiledSchema? {
        compiled[name]
    }

    private static let sessionPack = "session-pack.schema.json"
    private static let sessionStateReference = sessionPack + "#/$defs/sessionInstance"
    private static let snapshotReference = sessionPack + "#/$defs/snapshot"

    /// The schema (a file name, or a file name and fragment) a pack's JSON document at `path` must
    /// match, from the pack layout; nil for a path where the layout has no document.
    public static func schemaName(forDocumentAt path: String) -> String? {
        if path == PackLayout.manifest { return "szpack.schema.json" }
        if path == PackLayout.sessionState { return sessionStateReference }
        let folders = [
            (PackLayout.datasets, "dataset.schema.json"),
            (PackLayout.characterTemplates, "character-template.schema.json"),
            (PackLayout.sessionTemplates, "session-template.schema.json"),
            (PackLayout.characters, "character-instance.schema.json"),
            (PackLayout.snapshots, snapshotReference),
        ]
        for (folder, name) in folders where path.hasPrefix(folder) && !path.dropFirst(folder.count).contains("/") {
            return name
        }
        return nil
    }

    /// The compiled schema of the document at `path` in a pack, or nil (see `schemaName(forDocumentAt:)`).
    public func schema(forDocumentAt path: String) -> CompiledSchema? {
        Self.schemaName(forDocumentAt: path).flatMap { compiled[$0] }
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
