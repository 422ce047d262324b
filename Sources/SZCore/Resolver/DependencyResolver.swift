/// Chooses one version of every datapack a root pack needs, directly or not, such that every
/// dependency's range holds, preferring the highest versions; or explains in plain sentences why no
/// such choice exists.
///
/// This is PubGrub, as specified in dart-lang/pub's doc/solver.md: unit propagation over
/// incompatibilities, decisions on the package with the fewest remaining versions (taking its highest
/// fitting version), conflict resolution that learns new incompatibilities, and an explanation built
/// from the derivation graph of the final one. Cycles between packages need no special care: each
/// package gets one version, and a dependency back onto a chosen package is just another constraint.
/// The work is bounded by ``maximumPackages`` and ``maximumSteps``.
public struct DependencyResolver: Sendable {
    /// How many distinct packages (the root included) a resolution may reach.
    public var maximumPackages: Int
    /// How many decisions and conflict-resolution steps a resolution may take.
    public var maximumSteps: Int
    /// Past this many derivations in a row, a failure lists its facts instead of the step-by-step
    /// explanation, which would be unreadable (and deep to write).
    public var maximumExplanationDepth: Int

    public init(maximumPackages: Int = 1_000, maximumSteps: Int = 10_000, maximumExplanationDepth: Int = 100) {
        self.maximumPackages = maximumPackages
        self.maximumSteps = maximumSteps
        self.maximumExplanationDepth = maximumExplanationDepth
    }

    public func resolve(
        _ root: RootPackage,
        versions provider: some PackageVersionProvider
    ) throws(DependencyResolutionError) -> DependencyResolution {
        var solver = VersionSolver(root: root, provider: provider, limits: self)
        return try solver.solve()
    }
}

/// The chosen version of every package a resolution reached.
public struct DependencyResolution: Sendable, Equatable {
    /// By package id; the root is not included.
    public let versions: [String: SemanticVersion]
}

public enum DependencyResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No choice of versions satisfies every dependency; the explanation says why, one sentence a line.
    case unsatisfiable(explanation: String)
    case tooManyPackages(limit: Int)
    case tooManySteps(limit: Int)

    public var description: String {
        switch self {
        case .unsatisfiable(let explanation): explanation
        case .tooManyPackages(let limit):
            "The dependencies reach more than \(limit) packages; resolution stopped there."
        case .tooManySteps(let limit):
            "Resolution took more than \(limit) steps without settling; it stopped there."
        }
    }
}
