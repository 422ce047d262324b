/// Position of an incompatibility in the solver's list; derived incompatibilities name their causes
/// by it, which keeps the derivation graph a plain array (no reference cycles, no deep deinit chains).
typealias IncompatibilityID = Int

/// A set of terms that must not all be true (pub's doc/solver.md, "Incompatibility").
struct Incompatibility: Sendable {
    enum Cause: Sendable {
        /// `{not root VERSION}`: the root package is selected.
        case root
        /// `{depender, not dependee}`; keeps the range as the depender wrote it, for messages.
        case dependency(VersionRange)
        /// `{package VERSIONS}`: no available version is in VERSIONS.
        case noVersions
        /// `{package any}`: the provider does not have the package.
        case unavailable
        /// Derived during conflict resolution from two earlier incompatibilities.
        case conflict(IncompatibilityID, IncompatibilityID)
    }

    let terms: [Term]
    let cause: Cause
    /// The longest chain of derivations behind this incompatibility (0 for external facts).
    let depth: Int

    /// Merges the terms about each package into one (keeping first-appearance order) and, for
    /// derived incompatibilities, drops positive terms about the root, which always hold.
    init(terms: [Term], cause: Cause, depth: Int = 0, rootPackage: String) {
        var merged: [Term] = []
        for term in terms {
            if case .conflict = cause, terms.count > 1, term.isPositive, term.package == rootPackage { continue }
            if let index = merged.firstIndex(where: { $0.package == term.package }) {
                merged[index] = merged[index].intersection(term)
            } else {
                merged.append(term)
            }
        }
        self.terms = merged
        self.cause = cause
        self.depth = depth
    }

    var derivedFrom: (IncompatibilityID, IncompatibilityID)? {
        guard case .conflict(let first, let second) = cause else { return nil }
        return (first, second)
    }

    /// The only positive (or negative) term, if there is exactly one.
    func singleTerm(positive: Bool) -> Term? {
        let matching = terms.filter { $0.isPositive == positive }
        return matching.count == 1 ? matching[0] : nil
    }

    /// Whether this rules out the root's one version, i.e. resolution has failed. A single negative
    /// root term counts too (as in pub): it demands root versions other than the one there is.
    func isFailure(rootPackage: String) -> Bool {
        terms.isEmpty || (terms.count == 1 && terms[0].package == rootPackage)
    }
}
