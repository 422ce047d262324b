/// Suggestions for misspelt keys and ids, so that an error can say what was probably meant.
enum Spelling {
    /// The candidate closest to `word` when it is near enough to be a likely typo (at most two edits, and
    /// fewer edits than half the word's length).
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = min(2, (word.count - 1) / 2)
        guard limit > 0 else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// ` (did you mean "name"?)`, or nothing when no candidate is close.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        hint(suggestion(for: word, among: candidates))
    }

    static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance where swapping two neighbouring characters counts as one edit.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty || right.isEmpty { return max(left.count, right.count) }
        var previousRow: [Int] = []
        var row = Array(0...right.count)
        for leftIndex in 1...left.count {
            let rowBefore = row
            row = [leftIndex] + Array(repeating: 0, count: right.count)
            for rightIndex in 1...right.count {
                let substitution = left[leftIndex - 1] == right[rightIndex - 1] ? 0 : 1
                row[rightIndex] = min(
                    rowBefore[rightIndex] + 1,
                    row[rightIndex - 1] + 1,
                    rowBefore[rightIndex - 1] + substitution
                )
                let isSwap =
                    leftIndex > 1 && rightIndex > 1 && left[leftIndex - 1] == right[rightIndex - 2]
                    && left[leftIndex - 2] == right[rightIndex - 1]
                if isSwap { row[rightIndex] = min(row[rightIndex], previousRow[rightIndex - 2] + 1) }
            }
            previousRow = rowBefore
        }
        return row[right.count]
    }
}
