/// Turns incompatibilities into English, in the manner of pub (lib/src/solver/incompatibility.dart):
/// "Dungeon Extras 1.0.0 depends on Core Rules ^2.0.0", "Core Rules is not available", "no version
/// of Core Rules matches >=3.0.0", "Dungeon Extras 1.0.0 is incompatible with Monster Manual 1.1.0".
///
/// Packages appear by display name. A positive term is described by the available versions it
/// covers: one version by its number, all of several as "every version of …", otherwise by its range.
/// Dependencies keep the range as written; the root appears by name alone.
struct IncompatibilityPhrasing {
    let incompatibilities: [Incompatibility]
    let root: RootPackage
    let names: [String: String]
    let knownVersions: [String: [SemanticVersion]]

    func name(of package: String) -> String {
        let name = names[package] ?? package
        // Two different packs can share a name; the id then tells them apart.
        let isShared = names.contains { $0.key != package && $0.value == name }
        return isShared ? "\(name) (\(package))" : name
    }

    /// A term without its sign; `everyVersion` allows "every version of X" where a bare "X" would do.
    func describe(_ term: Term, everyVersion: Bool = false) -> String {
        let name = name(of: term.package)
        // The root's one version goes without saying, unless a range is required of it.
        if term.package == root.id, term.isPositive { return name }
        let every = everyVersion ? "every version of \(name)" : name
        if term.isPositive, let known = knownVersions[term.package] {
            let covered = known.filter(term.versions.contains)
            if covered.count == 1 { return "\(name) \(covered[0])" }
            if !covered.isEmpty, covered.count == known.count { return every }
        }
        return term.versions == .any ? every : "\(name) \(term.versions)"
    }

    /// What an incompatibility's negative term requires, in the dependency's own words if it is one.
    func requirement(_ term: Term, of id: IncompatibilityID) -> String {
        if case .dependency(let range) = incompatibilities[id].cause {
            return "\(name(of: term.package)) \(range)"
        }
        return describe(term)
    }

    func describe(_ id: IncompatibilityID) -> String {
        let incompatibility = incompatibilities[id]
        let terms = incompatibility.terms
        switch incompatibility.cause {
        case .root:
            return "\(name(of: root.id)) is \(root.version)"
        case .dependency:
            let depender = terms.first { $0.isPositive }
            let dependee = terms.first { !$0.isPositive }
            guard let depender, let dependee else { break }
            return "\(describe(depender, everyVersion: true)) depends on \(requirement(dependee, of: id))"
        case .noVersions:
            return "no version of \(name(of: terms[0].package)) matches \(terms[0].versions)"
        case .unavailable:
            return "\(name(of: terms[0].package)) is not available"
        case .conflict:
            break
        }
        if incompatibility.isFailure(rootPackage: root.id) {
            guard let term = terms.first, !term.isPositive else { return "version solving failed" }
            let name = name(of: root.id)
            return "\(name) \(term.versions) is required but \(name) is \(root.version), so version solving failed"
        }
        let positiveTerms = terms.filter(\.isPositive)
        let positives = positiveTerms.map { describe($0) }
        let negatives = terms.filter { !$0.isPositive }.map { describe($0) }
        switch (positives.count, negatives.count) {
        case (1, 0): return "\(positives[0]) is forbidden"
        case (0, 1): return "\(negatives[0]) is required"
        case (2, 0): return "\(positives[0]) is incompatible with \(positives[1])"
        case (0, 2): return "either \(negatives[0]) or \(negatives[1])"
        case (_, 0): return "one of \(positives.joined(separator: " or ")) must be false"
        case (0, _): return "one of \(negatives.joined(separator: " or ")) must be true"
        case (1, _):
            return "\(describe(positiveTerms[0], everyVersion: true)) requires \(negatives.joined(separator: " or "))"
        default:
            return "if \(positives.joined(separator: " and ")) then \(negatives.joined(separator: " or "))"
        }
    }

    /// "`first` and `second`", said more naturally where a pattern allows; line numbers refer back
    /// to earlier lines of the explanation.
    func describe(
        _ first: IncompatibilityID,
        and second: IncompatibilityID,
        lines: (Int?, Int?) = (nil, nil)
    ) -> String {
        if let special = requiresBoth(first, second, lines: lines) ?? requiresThrough(first, second, lines: lines)
            ?? requiresForbidden(first, second, lines: lines)
        {
            return special
        }
        // What needs a package reads best before what is true of it: "A depends on B and B is …".
        let (one, other, oneLine, otherLine) =
            incompatibilities[first].terms.count == 1 && incompatibilities[second].terms.count > 1
            ? (second, first, lines.1, lines.0) : (first, second, lines.0, lines.1)
        return "\(describe(one))\(suffix(oneLine)) and \(describe(other))\(suffix(otherLine))"
    }

    /// "X depends on both A and B".
    private func requiresBoth(_ first: IncompatibilityID, _ second: IncompatibilityID, lines: (Int?, Int?)) -> String? {
        let (one, other) = (incompatibilities[first], incompatibilities[second])
        guard one.terms.count > 1, other.terms.count > 1,
            let positive = one.singleTerm(positive: true),
            let otherPositive = other.singleTerm(positive: true), positive.package == otherPositive.package
        else { return nil }
        let verb = isDependency(first) && isDependency(second) ? "depends on" : "requires"
        return "\(describe(positive, everyVersion: true)) \(verb) both \(requirements(of: first))\(suffix(lines.0))"
            + " and \(requirements(of: second))\(suffix(lines.1))"
    }

    /// "X depends on Y which depends on Z".
    private func requiresThrough(
        _ first: IncompatibilityID,
        _ second: IncompatibilityID,
        lines: (Int?, Int?)
    ) -> String? {
        guard incompatibilities[first].terms.count > 1, incompatibilities[second].terms.count > 1 else { return nil }
        let leadsInto = { (prior: IncompatibilityID, latter: IncompatibilityID) -> Term? in
            guard let negative = incompatibilities[prior].singleTerm(positive: false),
                let positive = incompatibilities[latter].singleTerm(positive: true),
                negative.package == positive.package, negative.inverse.satisfies(positive),
                // "X depends on Root ^2.0.0 which depends on …" would hide that the root has one version.
                negative.package != root.id
            else { return nil }
            return negative
        }
        let prior: IncompatibilityID
        let latter: IncompatibilityID
        let link: Term
        let priorLine: Int?
        let latterLine: Int?
        if let negative = leadsInto(first, second) {
            (prior, latter, link, priorLine, latterLine) = (first, second, negative, lines.0, lines.1)
        } else if let negative = leadsInto(second, first) {
            (prior, latter, link, priorLine, latterLine) = (second, first, negative, lines.1, lines.0)
        } else {
            return nil
        }
        guard let subject = subject(of: prior) else { return nil }
        return "\(subject) \(requirement(link, of: prior))\(suffix(priorLine)) which \(verb(of: latter)) "
            + "\(requirements(of: latter))\(suffix(latterLine))"
    }

    /// "X depends on Y which is forbidden", when the second fact was itself derived; external facts
    /// ("Y is not available") read better in their own words.
    private func requiresForbidden(
        _ first: IncompatibilityID,
        _ second: IncompatibilityID,
        lines: (Int?, Int?)
    ) -> String? {
        let (one, other) = (incompatibilities[first], incompatibilities[second])
        guard one.terms.count == 1 || other.terms.count == 1 else { return nil }
        let (prior, latter, priorLine, latterLine) =
            one.terms.count == 1 ? (second, first, lines.1, lines.0) : (first, second, lines.0, lines.1)
        let forbidden = incompatibilities[latter].terms[0]
        guard case .conflict = incompatibilities[latter].cause,
            let negative = incompatibilities[prior].singleTerm(positive: false),
            negative.inverse.satisfies(forbidden), let subject = subject(of: prior)
        else { return nil }
        return "\(subject) \(describe(forbidden))\(suffix(priorLine)) which is forbidden\(suffix(latterLine))"
    }

    /// "X depends on" or "if X and Y then": what comes before an incompatibility's requirements.
    private func subject(of id: IncompatibilityID) -> String? {
        let positives = incompatibilities[id].terms.filter(\.isPositive)
        guard let first = positives.first else { return nil }
        if positives.count > 1 { return "if \(positives.map { describe($0) }.joined(separator: " and ")) then" }
        return "\(describe(first, everyVersion: true)) \(verb(of: id))"
    }

    private func requirements(of id: IncompatibilityID) -> String {
        incompatibilities[id].terms.filter { !$0.isPositive }.map { requirement($0, of: id) }.joined(separator: " or ")
    }

    private func verb(of id: IncompatibilityID) -> String { isDependency(id) ? "depends on" : "requires" }

    private func isDependency(_ id: IncompatibilityID) -> Bool {
        if case .dependency = incompatibilities[id].cause { return true }
        return false
    }

    private func suffix(_ line: Int?) -> String { line.map { " (\($0))" } ?? "" }
}
