import Foundation

/// A progress line on standard error for work that takes more than a second: nothing for quick work,
/// then the latest status at most a few times a second, redrawn in place on a terminal and as plain
/// lines (at most one a second) when standard error is a file or pipe.
struct ProgressLine {
    let subject: String
    let clock: () -> ContinuousClock.Instant
    let write: (String) -> Void
    let isTerminal: Bool
    private let started: ContinuousClock.Instant
    private var lastShown: ContinuousClock.Instant?

    static let delay = Duration.seconds(1)

    init(
        subject: String,
        clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now },
        isTerminal: Bool = isatty(STDERR_FILENO) == 1,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.subject = subject
        self.clock = clock
        self.isTerminal = isTerminal
        self.write = write
        started = clock()
    }

    mutating func update(_ status: String) {
        let now = clock()
        guard now - started >= Self.delay else { return }
        let interval: Duration = isTerminal ? .milliseconds(200) : .seconds(1)
        if let lastShown, now - lastShown < interval { return }
        lastShown = now
        let line = "\(subject): \(status)"
        write(isTerminal ? "\r\u{1B}[K" + line : line + "\n")
    }

    /// Clears the line on a terminal, so the result is printed on a clean line.
    func finish() {
        if isTerminal, lastShown != nil { write("\r\u{1B}[K") }
    }
}
