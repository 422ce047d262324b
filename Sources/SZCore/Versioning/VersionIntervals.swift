/// A union of disjoint, sorted, non-touching half-open intervals `[lower, upper)` of versions, in
/// precedence order. `nil` bounds are open ends. Because the intervals are merged and never empty,
/// two values hold the same versions exactly when their bounds are equal, provided the bounds were
/// chosen canonically (see ``VersionSet``).
struct VersionIntervals: Sendable, Hashable {
    struct Interval: Sendable, Hashable {
        /// Inclusive; `nil` has no lower bound.
        var lower: SemanticVersion?
        /// Exclusive; `nil` has no upper bound.
        var upper: SemanticVersion?

        var isEmpty: Bool {
            guard let lower, let upper else { return false }
            return lower >= upper
        }

        func contains(_ version: SemanticVersion) -> Bool {
            (lower.map { $0 <= version } ?? true) && (upper.map { version < $0 } ?? true)
        }
    }

    private(set) var intervals: [Interval]

    static let all = VersionIntervals([Interval(lower: nil, upper: nil)])
    static let empty = VersionIntervals([])

    private init(sortedApart intervals: [Interval]) {
        self.intervals = intervals
    }

    init(_ intervals: [Interval]) {
        let sorted = intervals.filter { !$0.isEmpty }.sorted { Self.isBelow($0.lower, $1.lower) }
        var merged: [Interval] = []
        for interval in sorted {
            guard let last = merged.last else {
                merged.append(interval)
                continue
            }
            if let lastUpper = last.upper, let lower = interval.lower, lastUpper < lower {
                merged.append(interval)
            } else {
                merged[merged.count - 1].upper = Self.larger(last.upper, interval.upper)
            }
        }
        self.intervals = merged
    }

    var isEmpty: Bool { intervals.isEmpty }

    func contains(_ version: SemanticVersion) -> Bool { intervals.contains { $0.contains(version) } }

    var complement: VersionIntervals {
        var gaps: [Interval] = []
        // Only the first interval can lack a lower bound, so a nil start means "from the bottom".
        var start: SemanticVersion? = nil
        for interval in intervals {
            if let lower = interval.lower {
                gaps.append(Interval(lower: start, upper: lower))
            }
            guard let upper = interval.upper else { return VersionIntervals(gaps) }
            start = upper
        }
        gaps.append(Interval(lower: start, upper: nil))
        return VersionIntervals(gaps)
    }

    func union(_ other: VersionIntervals) -> VersionIntervals { VersionIntervals(intervals + other.intervals) }

    func intersection(_ other: VersionIntervals) -> VersionIntervals {
        // Both lists are sorted and their intervals apart, so so are the overlaps found by one sweep.
        var overlaps: [Interval] = []
        var (mine, theirs) = (intervals[...], other.intervals[...])
        while let left = mine.first, let right = theirs.first {
            let leftEndsLater = Self.larger(left.upper, right.upper) == left.upper
            let overlap = Interval(
                lower: Self.isBelow(left.lower, right.lower) ? right.lower : left.lower,
                upper: leftEndsLater ? right.upper : left.upper
            )
            if !overlap.isEmpty { overlaps.append(overlap) }
            if leftEndsLater {
                theirs.removeFirst()
            } else {
                mine.removeFirst()
            }
        }
        return VersionIntervals(sortedApart: overlaps)
    }

    /// Orders lower bounds, where `nil` is below everything.
    private static func isBelow(_ lhs: SemanticVersion?, _ rhs: SemanticVersion?) -> Bool {
        guard let lhs else { return rhs != nil }
        guard let rhs else { return false }
        return lhs < rhs
    }

    /// The larger of two upper bounds, where `nil` is above everything.
    private static func larger(_ lhs: SemanticVersion?, _ rhs: SemanticVersion?) -> SemanticVersion? {
        guard let lhs, let rhs else { return nil }
        return max(lhs, rhs)
    }
}
