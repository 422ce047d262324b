/// Explains a failed resolution from the derivation graph of the incompatibility that ruled out the
/// root, following pub's doc/solver.md "Error Reporting": each line explains one derived
/// incompatibility from its two causes; lines that are referred to again later get a number.
struct FailureExplanation {
    private let phrasing: IncompatibilityPhrasing
    private let failure: IncompatibilityID
    /// How many derived incompatibilities each one helps derive.
    private var uses: [IncompatibilityID: Int] = [:]
    private var lines: [(text: String, number: Int?)] = []
    private var lineNumbers: [IncompatibilityID: Int] = [:]

    /// The explanation, one sentence a line; numbered lines start with "(n) ".
    private(set) var text = ""

    init(
        failure: IncompatibilityID,
        incompatibilities: [Incompatibility],
        root: RootPackage,
        names: [String: String],
        knownVersions: [String: [SemanticVersion]],
        maximumDepth: Int
    ) {
        self.phrasing = IncompatibilityPhrasing(
            incompatibilities: incompatibilities,
            root: root,
            names: names,
            knownVersions: knownVersions
        )
        self.failure = failure
        if incompatibilities[failure].depth > maximumDepth {
            text = summary(depth: incompatibilities[failure].depth)
            return
        }
        countUses(of: failure)
        if isDerived(failure) {
            explain(failure)
        } else {
            write(failure, "Because \(phrasing.describe(failure)), version solving failed.", numbered: false)
        }
        text = lines.map { line in line.number.map { "(\($0)) \(line.text)" } ?? line.text }.joined(separator: "\n")
    }

    private var incompatibilities: [Incompatibility] { phrasing.incompatibilities }

    private func isDerived(_ id: IncompatibilityID) -> Bool { incompatibilities[id].derivedFrom != nil }

    private mutating func countUses(of id: IncompatibilityID) {
        uses[id, default: 0] += 1
        guard uses[id] == 1, let (first, second) = incompatibilities[id].derivedFrom else { return }
        countUses(of: first)
        countUses(of: second)
    }

    /// Writes the lines proving `id`, a derived incompatibility; `conclusion` ends a separate chain
    /// of reasoning, which gets a number so that the final lines can cite it.
    private mutating func explain(_ id: IncompatibilityID, conclusion: Bool = false) {
        guard let (first, second) = incompatibilities[id].derivedFrom else { return }
        let numbered = conclusion || uses[id, default: 0] > 1
        let conjunction = conclusion || id == failure ? "So," : "And"
        let claim = phrasing.describe(id)
        switch (isDerived(first), isDerived(second)) {
        case (true, true):
            switch (lineNumbers[first], lineNumbers[second]) {
            case (let firstLine?, let secondLine?):
                let causes = phrasing.describe(first, and: second, lines: (firstLine, secondLine))
                write(id, "Because \(causes), \(claim).", numbered: numbered)
            case (let firstLine?, nil), (nil, let firstLine?):
                let (cited, unexplained) = lineNumbers[first] != nil ? (first, second) : (second, first)
                explain(unexplained)
                write(
                    id,
                    "\(conjunction) because \(phrasing.describe(cited)) (\(firstLine)), \(claim).",
                    numbered: numbered
                )
            case (nil, nil):
                if isSimple(first) || isSimple(second) {
                    // The simple cause fits in one line, so the other needs no number to be found again.
                    let (complex, simple) = isSimple(second) ? (first, second) : (second, first)
                    explain(complex)
                    explain(simple)
                    write(id, "Thus, \(claim).", numbered: numbered)
                } else {
                    explain(first, conclusion: true)
                    lines.append(("", nil))
                    explain(second)
                    let firstLine = lineNumbers[first].map { " (\($0))" } ?? ""
                    write(
                        id,
                        "\(conjunction) because \(phrasing.describe(first))\(firstLine), \(claim).",
                        numbered: numbered
                    )
                }
            }
        case (true, false), (false, true):
            let (derived, external) = isDerived(first) ? (first, second) : (second, first)
            if let derivedLine = lineNumbers[derived] {
                let causes = phrasing.describe(external, and: derived, lines: (nil, derivedLine))
                write(id, "Because \(causes), \(claim).", numbered: numbered)
            } else if let (priorDerived, priorExternal) = collapsible(derived) {
                // Skip writing `derived` itself: its external cause joins this line instead.
                explain(priorDerived)
                let causes = phrasing.describe(priorExternal, and: external)
                write(id, "\(conjunction) because \(causes), \(claim).", numbered: numbered)
            } else {
                explain(derived)
                write(id, "\(conjunction) because \(phrasing.describe(external)), \(claim).", numbered: numbered)
            }
        case (false, false):
            write(id, "Because \(phrasing.describe(first, and: second)), \(claim).", numbered: numbered)
        }
    }

    /// Whether an incompatibility follows directly from two external facts.
    private func isSimple(_ id: IncompatibilityID) -> Bool {
        guard let (first, second) = incompatibilities[id].derivedFrom else { return false }
        return !isDerived(first) && !isDerived(second)
    }

    /// The derived and external causes of `id`, when `id` is used once, has one cause of each kind,
    /// and its derived cause has no line yet: then its explanation folds into the next line.
    private func collapsible(_ id: IncompatibilityID) -> (derived: IncompatibilityID, external: IncompatibilityID)? {
        guard uses[id, default: 0] <= 1, let (first, second) = incompatibilities[id].derivedFrom,
            isDerived(first) != isDerived(second)
        else { return nil }
        let (derived, external) = isDerived(first) ? (first, second) : (second, first)
        return lineNumbers[derived] == nil ? (derived, external) : nil
    }

    private mutating func write(_ id: IncompatibilityID, _ message: String, numbered: Bool) {
        guard numbered else {
            lines.append((message, nil))
            return
        }
        let number = lineNumbers.count + 1
        lineNumbers[id] = number
        lines.append((message, number))
    }

    /// For a derivation too deep to retell: the facts it rests on, found without recursion.
    private func summary(depth: Int) -> String {
        var facts: [String] = []
        var seen: Set<IncompatibilityID> = []
        var pending = [failure]
        while let id = pending.popLast() {
            guard seen.insert(id).inserted else { continue }
            if let (first, second) = incompatibilities[id].derivedFrom {
                pending += [second, first]
            } else {
                facts.append("- \(phrasing.describe(id))")
            }
        }
        let header =
            "Version solving failed after \(depth) deductions in a row, too many to retell. It rests on these facts:"
        return ([header] + facts).joined(separator: "\n")
    }
}
