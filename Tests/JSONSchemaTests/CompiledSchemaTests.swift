import JSONSchema
import Testing

@Suite struct CompiledSchemaTests {
    private func schema(_ text: String, options: CompiledSchema.Options = .init()) throws -> CompiledSchema {
        try CompiledSchema(JSONParser().parse(text), options: options)
    }

    private func instance(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    @Test func basicOutputNamesEveryLocation() throws {
        let compiled = try schema(
            ##"{"$defs": {"hp": {"type": "integer", "minimum": 0}}, "properties": {"hp": {"$ref": "#/$defs/hp"}}}"##
        )
        let result = compiled.validate(try instance(##"{"hp": -3}"##))
        #expect(!result.isValid)
        #expect(
            result.basicOutput
                == (try instance(
                    """
                    {"valid": false, "errors": [{
                      "keywordLocation": "/properties/hp/$ref/minimum",
                      "absoluteKeywordLocation": "https://sessionzero.invalid/schema.json#/$defs/hp/minimum",
                      "instanceLocation": "/hp",
                      "error": "-3 is less than 0"}]}
                    """
                ))
        )
        #expect(result.lines == ["/hp: -3 is less than 0 [/properties/hp/$ref/minimum]"])
    }

    @Test func validInstancesReportNoErrors() throws {
        let result = try schema(##"{"type": "string"}"##).validate(.string("fine"))
        #expect(result.isValid && result.errors.isEmpty)
        #expect(result.basicOutput == ["valid": true])
    }

    @Test func failingAlternativesExplainThemselves() throws {
        let result = try schema(##"{"anyOf": [{"type": "string"}, {"minimum": 10}]}"##).validate(5)
        #expect(
            result.lines == [
                "(root): expected string, found integer [/anyOf/0/type]",
                "(root): 5 is less than 10 [/anyOf/1/minimum]",
                "(root): matches none of the 2 alternatives [/anyOf]",
            ]
        )
    }

    @Test func passingAlternativesLeaveNoErrorsBehind() throws {
        let result = try schema(##"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"##).validate(5)
        #expect(result.isValid && result.errors.isEmpty)
    }

    @Test func unresolvableReferencesAreCompileErrorsNotNetworkFetches() {
        let error = #expect(throws: SchemaError.self) {
            try schema(##"{"$ref": "https://example.com/remote.json"}"##)
        }
        #expect(error?.message.contains("no schema is known at https://example.com/remote.json") == true)
        let pointer = #expect(throws: SchemaError.self) { try schema(##"{"$ref": "#/$defs/missing"}"##) }
        #expect(pointer?.message.contains("leads nowhere") == true)
    }

    @Test func schemasThatBreakTheMetaSchemaAreRefused() {
        let error = #expect(throws: SchemaError.self) { try schema(##"{"type": "strnig"}"##) }
        #expect(error?.message.contains("not valid against its meta-schema") == true)
        #expect(error?.metaSchemaErrors.contains { $0.instanceLocation == "/type" } == true)
    }

    @Test func invalidPatternsAreCompileErrors() {
        #expect(throws: SchemaError.self) {
            try schema(##"{"pattern": "(unclosed"}"##, options: .init(validatesAgainstMetaSchema: false))
        }
    }

    @Test func unknownMetaSchemasAreRefused() {
        let error = #expect(throws: SchemaError.self) { try schema(##"{"$schema": "https://example.com/custom"}"##) }
        #expect(error?.message.contains("unknown meta-schema") == true)
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let text = ##"{"format": "ipv4"}"##
        #expect(try schema(text).isValid(.string("999.1.1.1")))
        #expect(try !schema(text, options: .init(assertFormat: true)).isValid(.string("999.1.1.1")))
    }

    @Test func referencesBetweenRegisteredSchemasResolveByID() throws {
        var registry = SchemaRegistry.standard
        registry.register(
            try instance(
                ##"{"$id": "https://sessionzero.dev/schemas/v1/common.schema.json", "$defs": {"id": {"pattern": "^[a-z]+$"}}}"##
            ),
            uri: "https://sessionzero.dev/schemas/v1/common.schema.json"
        )
        let compiled = try CompiledSchema(
            try instance(##"{"$ref": "https://sessionzero.dev/schemas/v1/common.schema.json#/$defs/id"}"##),
            registry: registry
        )
        #expect(compiled.isValid("sword"))
        #expect(!compiled.isValid("Sword"))
    }

    @Test func exactNumbersDecideMultipleOfAndLimits() throws {
        #expect(try schema(##"{"multipleOf": 0.01}"##).isValid(try instance("19.99")))
        #expect(try !schema(##"{"multipleOf": 0.01}"##).isValid(try instance("19.995")))
        #expect(try !schema(##"{"maximum": 18446744073709551615}"##).isValid(try instance("18446744073709551616")))
        #expect(try schema(##"{"enum": [1.0]}"##).isValid(1))
        #expect(try !schema(##"{"enum": [1]}"##).isValid(true))
    }

    @Test func referenceCyclesFailInsteadOfHanging() throws {
        let compiled = try schema(
            ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##
        )
        let result = compiled.validate(1)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.message.contains("the schema loops") })
    }

    @Test func oneCompiledSchemaServesConcurrentValidations() async throws {
        let compiled = try schema(
            ##"{"type": "array", "items": {"type": "integer", "minimum": 0}, "uniqueItems": true}"##
        )
        let verdicts = await withTaskGroup(of: Bool.self) { group in
            for offset in 0..<64 {
                group.addTask {
                    compiled.isValid(.array([.number(JSONNumber(offset)), .number(JSONNumber(offset + 1))]))
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(verdicts.count == 64 && verdicts.allSatisfy { $0 })
    }
}
