/// Which specification a schema resource follows, and which of its vocabularies are switched on.
struct Dialect: Hashable {
    enum Draft: Hashable {
        case draft2020_12
        case draft7
    }

    enum Vocabulary: String, CaseIterable {
        case core, applicator, unevaluated, validation
        case metaData = "meta-data"
        case formatAnnotation = "format-annotation"
        case formatAssertion = "format-assertion"
        case content
    }

    var draft: Draft
    var vocabularies: Set<Vocabulary>

    static let draft2020_12 = Dialect(
        draft: .draft2020_12,
        vocabularies: Set(Vocabulary.allCases).subtracting([.formatAssertion])
    )
    static let draft7 = Dialect(draft: .draft7, vocabularies: Set(Vocabulary.allCases).subtracting([.unevaluated]))

    static let vocabularyURIPrefix = "https://json-schema.org/draft/2020-12/vocab/"

    /// The dialect named by a well-known `$schema` URI, or nil for a custom meta-schema.
    static func wellKnown(_ uri: String) -> Dialect? {
        switch URIReference(uri).withoutFragment.text {
        case "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2019-09/schema":
            .draft2020_12
        case "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema":
            .draft7
        default:
            nil
        }
    }

    func enables(_ vocabulary: Vocabulary) -> Bool { vocabularies.contains(vocabulary) }
}
