import Testing

@testable import JSONSchema

/// Runs the official suite's regular-expression tests through ECMARegex alone: only schemas made of
/// `pattern`, `patternProperties`, `additionalProperties: false`, `type` and `format: "regex"` are evaluated.
@Suite struct ECMARegexSuiteTests {
    @Test(arguments: [
        "optional/ecmascript-regex.json", "optional/non-bmp-regex.json", "pattern.json", "patternProperties.json",
    ])
    func officialCasesMatchTheirExpectedResult(file: String) throws {
        var evaluated = 0
        for test in try OfficialTestSuite.cases(in: file) {
            guard let result = try PatternOnlyEvaluator.isValid(test.data, against: test.schema) else { continue }
            evaluated += 1
            #expect(result == test.valid, "\(test.name)")
        }
        print("\(file): \(evaluated) pattern cases checked")
        #expect(evaluated > 0, "\(file): no case uses only the pattern keywords")
    }
}

/// A validator for the handful of keywords the regex tests combine; nil means "uses another keyword".
private enum PatternOnlyEvaluator {
    static func isValid(_ data: JSONValue, against schema: JSONValue) throws -> Bool? {
        if let verdict = schema.boolValue { return verdict }
        guard let keywords = schema.objectValue else { return nil }
        var valid = true
        for (keyword, value) in keywords {
            let verdict: Bool?
            switch keyword {
            case "$schema": verdict = true
            case "type": verdict = value.stringValue.map { hasType(data, $0) }
            case "pattern":
                verdict = try value.stringValue.map { try data.stringValue.map(ECMARegex($0).matches) ?? true }
            case "format" where value == "regex": verdict = data.stringValue.map { (try? ECMARegex($0)) != nil } ?? true
            case "patternProperties": verdict = try propertiesAreValid(data, keywords)
            case "additionalProperties" where value == false: verdict = true  // checked with patternProperties
            default: verdict = nil
            }
            guard let verdict else { return nil }
            valid = valid && verdict
        }
        return valid
    }

    private static func hasType(_ data: JSONValue, _ type: String) -> Bool {
        data.typeName == type || (type == "number" && data.typeName == "integer")
    }

    private static func propertiesAreValid(_ data: JSONValue, _ keywords: JSONObject) throws -> Bool? {
        guard let properties = keywords["patternProperties"]?.objectValue else { return nil }
        guard let object = data.objectValue else { return true }
        let rejectsOthers = keywords["additionalProperties"] == false
        for (name, value) in object {
            var matched = false
            for (pattern, subschema) in properties where try ECMARegex(pattern).matches(name) {
                matched = true
                guard let verdict = try isValid(value, against: subschema) else { return nil }
                if !verdict { return false }
            }
            if rejectsOthers, !matched { return false }
        }
        return true
    }
}

@Suite struct OfficialTestSuiteLoaderTests {
    @Test func aMissingSuiteFileFailsWithThePathItLookedAt() {
        let error = #expect(throws: OfficialTestSuite.LoadError.self) {
            try OfficialTestSuite.cases(in: "no-such-file.json")
        }
        #expect(error?.description.hasPrefix("the JSON Schema test suite file is missing; looked for /") == true)
        #expect(
            error?.description.hasSuffix("shared/testdata/json-schema-test-suite/tests/draft2020-12/no-such-file.json")
                == true
        )
    }
}
