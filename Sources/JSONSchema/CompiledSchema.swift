/// A schema compiled once: every reference resolved, every pattern compiled. Validating many instances reuses it;
/// it is an immutable value that any number of tasks may share.
public struct CompiledSchema: Sendable {
    public struct Options: Sendable {
        /// The specification a schema without `$schema` follows.
        public enum Draft: Sendable {
            case draft2020_12
            case draft7

            var metaSchemaURI: String {
                switch self {
                case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
                case .draft7: "http://json-schema.org/draft-07/schema"
                }
            }
        }

        public var defaultDraft: Draft
        /// Make `format` an assertion for the formats this library knows (it is only an annotation by default).
        public var assertFormat: Bool
        /// Check the schema against its meta-schema before compiling it, so a misspelt keyword value is caught.
        public var validatesAgainstMetaSchema: Bool

        public init(
            defaultDraft: Draft = .draft2020_12,
            assertFormat: Bool = false,
            validatesAgainstMetaSchema: Bool = true
        ) {
            self.defaultDraft = defaultDraft
            self.assertFormat = assertFormat
            self.validatesAgainstMetaSchema = validatesAgainstMetaSchema
        }
    }

    /// The URI given to a schema that names none, so that relative references have a base.
    public static let defaultBaseURI = "https://sessionzero.invalid/schema.json"

    private let nodes: [CompiledNode]
    private let root: Int
    private let dynamicAnchors: [[String: Int]]

    /// Compiles `schema`, registered at `uri` so that it and the registry's documents can refer to each other.
    public init(
        _ schema: JSONValue,
        uri: String = CompiledSchema.defaultBaseURI,
        registry: SchemaRegistry = .standard,
        options: Options = Options()
    ) throws(SchemaError) {
        var registry = registry
        registry.register(schema, uri: uri)
        if options.validatesAgainstMetaSchema {
            try Self.checkAgainstMetaSchema(schema, uri: uri, registry: registry, defaultDraft: options.defaultDraft)
        }
        var compiler = SchemaCompiler(
            registry: registry,
            defaultDialect: Dialect.wellKnown(options.defaultDraft.metaSchemaURI)!,
            assertFormat: options.assertFormat
        )
        root = try compiler.compileRoot(uri: uri)
        nodes = compiler.nodes
        dynamicAnchors = compiler.resourceDynamicAnchors
    }

    /// True when `instance` is valid; stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(nodes: nodes, dynamicAnchors: dynamicAnchors, collectsErrors: false)
        return evaluator.evaluate(root, instance).valid
    }

    /// Validates `instance` and reports every error with its keyword and instance locations.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        // Most instances are valid: the fast flag mode proves it without building any error text.
        if isValid(instance) { return ValidationResult(isValid: true, errors: []) }
        var evaluator = Evaluator(nodes: nodes, dynamicAnchors: dynamicAnchors, collectsErrors: true)
        let valid = evaluator.evaluate(root, instance).valid
        return ValidationResult(isValid: valid, errors: valid ? [] : evaluator.errors)
    }

    private static func checkAgainstMetaSchema(
        _ schema: JSONValue,
        uri: String,
        registry: SchemaRegistry,
        defaultDraft: Options.Draft
    ) throws(SchemaError) {
        let metaSchemaURI = schema["$schema"]?.stringValue ?? defaultDraft.metaSchemaURI
        let metaSchema: CompiledSchema
        switch Dialect.wellKnown(metaSchemaURI) {
        case .some(let dialect) where dialect.draft == .draft2020_12 && !metaSchemaURI.contains("2019-09"):
            metaSchema = standardMetaSchema2020
        case .some(let dialect) where dialect.draft == .draft7 && metaSchemaURI.contains("draft-07"):
            metaSchema = standardMetaSchemaDraft7
        default:
            guard let document = registry.document(at: metaSchemaURI) else {
                throw SchemaError(location: uri, message: "unknown meta-schema \"\(metaSchemaURI)\" in $schema")
            }
            metaSchema = try CompiledSchema(
                document,
                uri: metaSchemaURI,
                registry: registry,
                options: Options(validatesAgainstMetaSchema: false)
            )
        }
        let result = metaSchema.validate(schema)
        guard result.isValid else {
            throw SchemaError(
                location: uri,
                message: "the schema is not valid against its meta-schema \(metaSchemaURI)",
                metaSchemaErrors: result.errors
            )
        }
    }

    private static let standardMetaSchema2020 = compileBundled("https://json-schema.org/draft/2020-12/schema")
    private static let standardMetaSchemaDraft7 = compileBundled("http://json-schema.org/draft-07/schema")

    private static func compileBundled(_ uri: String) -> CompiledSchema {
        do {
            return try CompiledSchema(
                SchemaRegistry.standard.document(at: uri)!,
                uri: uri,
                options: Options(validatesAgainstMetaSchema: false)
            )
        } catch {
            fatalError("the bundled meta-schema \(uri) does not compile: \(error)")
        }
    }
}
