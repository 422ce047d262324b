/// One run of PubGrub (pub's doc/solver.md, "The Algorithm"); section names below refer to it.
struct VersionSolver<Provider: PackageVersionProvider> {
    private let root: RootPackage
    private let limits: DependencyResolver
    private var lister: PackageLister<Provider>
    private var incompatibilities: [Incompatibility] = []
    /// The incompatibilities mentioning each package, oldest first.
    private var incompatibilitiesByPackage: [String: [IncompatibilityID]] = [:]
    private var solution = PartialSolution()
    private var steps = 0

    init(root: RootPackage, provider: Provider, limits: DependencyResolver) {
        self.root = root
        self.limits = limits
        self.lister = PackageLister(root: root, provider: provider, maximumPackages: limits.maximumPackages)
    }

    mutating func solve() throws(DependencyResolutionError) -> DependencyResolution {
        let rootTerm = Term(package: root.id, versions: VersionSet(exactly: root.version), isPositive: false)
        add(Incompatibility(terms: [rootTerm], cause: .root, rootPackage: root.id))
        var next = root.id
        while true {
            try propagate(from: next)
            guard let decided = try makeDecision() else { break }
            next = decided
        }
        return DependencyResolution(versions: solution.decisions.filter { $0.key != root.id })
    }

    // MARK: Unit propagation

    private enum Status {
        case satisfied
        case almostSatisfied(unsatisfied: Term)
        case contradicted
        case inconclusive
    }

    private func status(of id: IncompatibilityID) -> Status {
        var unsatisfied: Term? = nil
        for term in incompatibilities[id].terms {
            switch solution.relation(to: term) {
            case .subset: continue
            case .disjoint: return .contradicted
            case .overlapping:
                if unsatisfied != nil { return .inconclusive }
                unsatisfied = term
            }
        }
        return unsatisfied.map { .almostSatisfied(unsatisfied: $0) } ?? .satisfied
    }

    private mutating func propagate(from package: String) throws(DependencyResolutionError) {
        var changed = [package]
        while let current = changed.popLast() {
            // Newest first: conflict resolution tends to learn the more general facts later.
            incompatibilities: for id in (incompatibilitiesByPackage[current] ?? []).reversed() {
                switch status(of: id) {
                case .satisfied:
                    let rootCause = try resolveConflict(id)
                    guard case .almostSatisfied(let term) = status(of: rootCause) else {
                        preconditionFailure("conflict resolution must leave its result almost satisfied")
                    }
                    solution.derive(term.inverse, cause: rootCause)
                    changed = [term.package]
                    break incompatibilities
                case .almostSatisfied(let term):
                    solution.derive(term.inverse, cause: id)
                    if !changed.contains(term.package) { changed.append(term.package) }
                case .contradicted, .inconclusive:
                    continue
                }
            }
        }
    }

    // MARK: Conflict resolution

    /// Finds the root cause of a satisfied incompatibility, learning it and backjumping so that it
    /// is almost satisfied; throws the explanation when the root cause rules out the root itself.
    private mutating func resolveConflict(
        _ conflict: IncompatibilityID
    ) throws(DependencyResolutionError) -> IncompatibilityID {
        var current = conflict
        while !incompatibilities[current].isFailure(rootPackage: root.id) {
            try countStep()
            let incompatibility = incompatibilities[current]
            let found = findSatisfier(of: incompatibility)
            let satisfier = solution.assignments[found.index]
            guard let satisfierCause = satisfier.cause, found.previousLevel == satisfier.decisionLevel else {
                if current != conflict { index(current) }
                solution.backtrack(to: found.previousLevel)
                return current
            }
            // Resolution: {t, q} and the satisfier's cause {not t, r} give {q, r}.
            var terms = incompatibility.terms.filter { $0.package != found.term.package }
            terms += incompatibilities[satisfierCause].terms.filter { $0.package != satisfier.term.package }
            if let difference = found.difference { terms.append(difference.inverse) }
            current = store(
                Incompatibility(
                    terms: terms,
                    cause: .conflict(current, satisfierCause),
                    depth: max(incompatibility.depth, incompatibilities[satisfierCause].depth) + 1,
                    rootPackage: root.id
                )
            )
        }
        let explanation = FailureExplanation(
            failure: current,
            incompatibilities: incompatibilities,
            root: root,
            names: lister.names,
            knownVersions: lister.knownVersions,
            maximumDepth: limits.maximumExplanationDepth
        )
        throw .unsatisfiable(explanation: explanation.text)
    }

    /// The satisfier of a satisfied incompatibility: the earliest assignment that, with those before
    /// it, satisfies it; the term it completes; what of that assignment lies outside the term; and the
    /// decision level of the previous satisfier (1, where the root is decided, when there is none).
    private func findSatisfier(
        of incompatibility: Incompatibility
    ) -> (index: Int, term: Term, difference: Term?, previousLevel: Int) {
        var satisfier: (index: Int, term: Term, difference: Term?)? = nil
        var previousLevel = 1
        for term in incompatibility.terms {
            let index = solution.satisfierIndex(of: term)
            guard index > satisfier?.index ?? -1 else {
                previousLevel = max(previousLevel, solution.assignments[index].decisionLevel)
                continue
            }
            if let earlier = satisfier {
                previousLevel = max(previousLevel, solution.assignments[earlier.index].decisionLevel)
            }
            // The assignment may satisfy the term only together with earlier ones about the same
            // package ("partial satisfier"); the one completing it then counts as a previous satisfier.
            let difference = solution.assignments[index].term.difference(term)
            if let difference {
                let completing = solution.satisfierIndex(of: difference.inverse)
                previousLevel = max(previousLevel, solution.assignments[completing].decisionLevel)
            }
            satisfier = (index, term, difference)
        }
        guard let satisfier else { preconditionFailure("a satisfied incompatibility has terms") }
        return (satisfier.index, satisfier.term, satisfier.difference, previousLevel)
    }

    // MARK: Decision making

    /// Picks the undecided package with the fewest fitting versions and decides its highest fitting
    /// version, unless that would break one of its dependencies; returns the package, or `nil` when
    /// every needed package is decided.
    private mutating func makeDecision() throws(DependencyResolutionError) -> String? {
        try countStep()
        var choice: (package: String, count: Int)? = nil
        for package in solution.undecidedPackages {
            let allowed = try fittingVersions(of: package)?.count ?? 0
            if allowed < choice?.count ?? .max { choice = (package, allowed) }
        }
        guard let package = choice?.package, let known = solution.knowledge(of: package) else { return nil }
        guard let versions = try lister.versions(of: package) else {
            let everything = Term(package: package, versions: .any, isPositive: true)
            add(Incompatibility(terms: [everything], cause: .unavailable, rootPackage: root.id))
            return package
        }
        guard let index = versions.lastIndex(where: { known.versions.contains($0.version) }) else {
            add(Incompatibility(terms: [known], cause: .noVersions, rootPackage: root.id))
            return package
        }
        var conflicts = false
        for dependency in lister.newDependencyIncompatibilities(of: package, versions: versions, index: index) {
            add(dependency)
            conflicts = conflicts || dependency.terms.allSatisfy { $0.package == package || solution.satisfies($0) }
        }
        if !conflicts {
            solution.decide(package, versions[index].version)
        }
        return package
    }

    private mutating func fittingVersions(of package: String) throws(DependencyResolutionError) -> [PackageVersion]? {
        guard let known = solution.knowledge(of: package) else { return nil }
        return try lister.versions(of: package)?.filter { known.versions.contains($0.version) }
    }

    // MARK: Bookkeeping

    private mutating func add(_ incompatibility: Incompatibility) {
        index(store(incompatibility))
    }

    private mutating func store(_ incompatibility: Incompatibility) -> IncompatibilityID {
        incompatibilities.append(incompatibility)
        return incompatibilities.count - 1
    }

    /// Makes an incompatibility visible to unit propagation.
    private mutating func index(_ id: IncompatibilityID) {
        for term in incompatibilities[id].terms {
            incompatibilitiesByPackage[term.package, default: []].append(id)
        }
    }

    private mutating func countStep() throws(DependencyResolutionError) {
        steps += 1
        if steps > limits.maximumSteps { throw .tooManySteps(limit: limits.maximumSteps) }
    }
}
