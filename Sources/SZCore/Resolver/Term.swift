/// A statement about one package, true or false for a given selection: `foo ^1.0.0` ("a version of
/// foo in ^1.0.0 is selected") or `not foo ^1.0.0` ("foo is not selected, or not in ^1.0.0").
/// PubGrub's basic unit (pub's doc/solver.md, "Term").
struct Term: Sendable, Hashable {
    var package: String
    /// The versions named; for a negative term, the versions it rules out.
    var versions: VersionSet
    var isPositive: Bool

    var inverse: Term { Term(package: package, versions: versions, isPositive: !isPositive) }

    /// How the selections this term allows relate to those `other` allows.
    enum Relation {
        /// Every selection this term allows, `other` allows too: this term satisfies `other`.
        case subset
        /// No selection is allowed by both: this term contradicts `other`.
        case disjoint
        case overlapping
    }

    func relation(to other: Term) -> Relation {
        switch (isPositive, other.isPositive) {
        case (true, true):
            if versions.isSubset(of: other.versions) { return .subset }
            return versions.isDisjoint(with: other.versions) ? .disjoint : .overlapping
        case (true, false):
            if versions.isDisjoint(with: other.versions) { return .subset }
            return versions.isSubset(of: other.versions) ? .disjoint : .overlapping
        case (false, true):
            // A negative term also allows "not selected", which no positive term allows.
            return other.versions.isSubset(of: versions) ? .disjoint : .overlapping
        case (false, false):
            // Both allow "not selected", so they are never disjoint.
            return other.versions.isSubset(of: versions) ? .subset : .overlapping
        }
    }

    func satisfies(_ other: Term) -> Bool { relation(to: other) == .subset }

    /// The term true exactly when both are; both must be about the same package.
    func intersection(_ other: Term) -> Term {
        switch (isPositive, other.isPositive) {
        case (true, true): positive(versions.intersection(other.versions))
        case (true, false): positive(versions.subtracting(other.versions))
        case (false, true): positive(other.versions.subtracting(versions))
        case (false, false): Term(package: package, versions: versions.union(other.versions), isPositive: false)
        }
    }

    /// The term true when this one is and `other` is not; `nil` when no selection allows that.
    func difference(_ other: Term) -> Term? {
        let result = intersection(other.inverse)
        return result.isPositive && result.versions.isEmpty ? nil : result
    }

    private func positive(_ versions: VersionSet) -> Term {
        Term(package: package, versions: versions, isPositive: true)
    }
}
