import HTTPTypes
import SZCore

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

    /// A fancy name (`think-big-day`) from the word lists that `isTaken` says is free; names longer than a slug
    /// may be count as taken, since long words can make one.
    static func fancy(
        _ generator: FancyURLGenerator,
        isTaken: (String) async throws -> Bool
    ) async throws -> String {
        var random = SystemRandomNumberGenerator()
        do {
            return try await generator.make(using: &random) { name in
                if name.count > maxLength { return true }
                return try await isTaken(name)
            }
        } catch let error as FancyURLExhausted {
            throw APIError(
                status: .serviceUnavailable,
                slug: "no-free-slug",
                title: "No free game URL",
                detail: error.description + "; or give the game a slug yourself"
            )
        }
    }
}
