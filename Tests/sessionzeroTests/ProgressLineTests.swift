import Testing

@testable import sessionzero

@Suite struct ProgressLineTests {
    /// A clock the test moves by hand, and everything written.
    final class Recorder: @unchecked Sendable {  // Used from one test's thread only.
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        var written: [String] = []
        var now: ContinuousClock.Instant { start + elapsed }
    }

    func line(_ recorder: Recorder, terminal: Bool) -> ProgressLine {
        ProgressLine(
            subject: "validating big",
            clock: { recorder.now },
            isTerminal: terminal,
            write: { recorder.written.append($0) }
        )
    }

    @Test func quickWorkShowsNothing() {
        let recorder = Recorder()
        var progress = line(recorder, terminal: true)
        recorder.elapsed = .milliseconds(900)
        progress.update("1/2 szpack.json")
        progress.finish()
        #expect(recorder.written == [])
    }

    @Test func aTerminalGetsOneRedrawnLineThrottledAndClearedAtTheEnd() {
        let recorder = Recorder()
        var progress = line(recorder, terminal: true)
        recorder.elapsed = .seconds(1)
        progress.update("3/10 a.json")
        recorder.elapsed = .milliseconds(1_100)
        progress.update("4/10 b.json")
        recorder.elapsed = .milliseconds(1_300)
        progress.update("5/10 c.json")
        progress.finish()
        #expect(
            recorder.written == [
                "\r\u{1B}[Kvalidating big: 3/10 a.json", "\r\u{1B}[Kvalidating big: 5/10 c.json", "\r\u{1B}[K",
            ]
        )
    }

    @Test func aPipeGetsPlainLinesAtMostOnceASecond() {
        let recorder = Recorder()
        var progress = line(recorder, terminal: false)
        for step in 0..<30 {
            recorder.elapsed = .milliseconds(100 * step)
            progress.update("\(step)/30")
        }
        progress.finish()
        #expect(recorder.written == ["validating big: 10/30\n", "validating big: 20/30\n"])
    }
}
