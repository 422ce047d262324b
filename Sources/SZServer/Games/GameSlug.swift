/// The name of a game in its URL (`/game/{gm}/{slug}`): lower-case letters, digits and inner hyphens, at most
/// 30 characters, like pyvtt's game URLs.
enum GameSlug {
    static let maxLength = 30

    /// Lower-cases `text` and checks it, naming what is wrong.
    static func checked(_ text: String) throws(APIError) -> String {
        let slug = text.lowercased()
        let allowed = slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard !slug.isEmpty, slug.count <= maxLength, allowed, !slug.hasPrefix("-"), !slug.hasSuffix("-") else {
            throw .invalidField(
                "/slug",
                "must be 1 to \(maxLength) letters, digits and inner hyphens (like dark-forest), not \"\(text.prefix(40))\""
            )
        }
        return slug
    }

    /// A random slug: `game-` and ten base-32 characters (50 bits), too many to guess. It stands in until the
    /// fancy-URL word lists (`fancyurl/`) can make friendlier ones.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return "game-" + String((0..<10).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
