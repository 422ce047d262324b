/// The solver's current guess: an ordered list of assignments, each a decision (one version chosen)
/// or a derivation (a term that must hold given the earlier ones). pub's doc/solver.md,
/// "Partial Solution".
struct PartialSolution {
    struct Assignment {
        enum Kind {
            case decision(SemanticVersion)
            case derivation(cause: IncompatibilityID)
        }

        var term: Term
        /// How many decisions were made up to and including this assignment.
        var decisionLevel: Int
        var kind: Kind

        /// The incompatibility this was derived from; `nil` for a decision.
        var cause: IncompatibilityID? {
            guard case .derivation(let cause) = kind else { return nil }
            return cause
        }
    }

    private(set) var assignments: [Assignment] = []
    private(set) var decisions: [String: SemanticVersion] = [:]
    /// The intersection of every assignment about each package.
    private var combined: [String: Term] = [:]

    var decisionLevel: Int { decisions.count }

    mutating func decide(_ package: String, _ version: SemanticVersion) {
        // The decision counts towards its own level.
        decisions[package] = version
        let term = Term(package: package, versions: VersionSet(exactly: version), isPositive: true)
        assign(Assignment(term: term, decisionLevel: decisionLevel, kind: .decision(version)))
    }

    mutating func derive(_ term: Term, cause: IncompatibilityID) {
        assign(Assignment(term: term, decisionLevel: decisionLevel, kind: .derivation(cause: cause)))
    }

    private mutating func assign(_ assignment: Assignment) {
        assignments.append(assignment)
        let package = assignment.term.package
        if case .decision(let version) = assignment.kind {
            decisions[package] = version
        }
        combined[package] = combined[package].map { $0.intersection(assignment.term) } ?? assignment.term
    }

    /// Removes every assignment made after decision `level`.
    mutating func backtrack(to level: Int) {
        let kept = assignments.prefix { $0.decisionLevel <= level }
        assignments = []
        decisions = [:]
        combined = [:]
        for assignment in kept {
            assign(assignment)
        }
    }

    /// How what is known about `term`'s package relates to `term`.
    func relation(to term: Term) -> Term.Relation {
        combined[term.package]?.relation(to: term) ?? .overlapping
    }

    func satisfies(_ term: Term) -> Bool { relation(to: term) == .subset }

    /// Everything known about a package, if anything is.
    func knowledge(of package: String) -> Term? { combined[package] }

    /// Packages that must be selected but have no version decided yet, in the order they came up.
    var undecidedPackages: [String] {
        var seen: Set<String> = []
        return assignments.compactMap { assignment in
            let package = assignment.term.package
            guard decisions[package] == nil, combined[package]?.isPositive == true, seen.insert(package).inserted else {
                return nil
            }
            return package
        }
    }

    /// The index of the earliest assignment after which the assignments about `term`'s package
    /// together satisfy `term`.
    func satisfierIndex(of term: Term) -> Int {
        var known: Term? = nil
        for (index, assignment) in assignments.enumerated() where assignment.term.package == term.package {
            let current = known.map { $0.intersection(assignment.term) } ?? assignment.term
            if current.satisfies(term) { return index }
            known = current
        }
        preconditionFailure(
            "conflict resolution asked for the satisfier of \(term), which the solution does not satisfy"
        )
    }
}
