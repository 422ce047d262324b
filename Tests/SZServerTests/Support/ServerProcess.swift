import Foundation
import Synchronization
import Testing

/// The built `sessionzero` executable (or another program the tests drive) run as a child process, with its output
/// collected as it arrives.
final class ServerProcess: Sendable {
    /// `swift build --build-tests` puts the executable next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sessionzero")
    }

    private struct State {
        var output = ""
        var exitStatus: Int32?
        var lineWaiter: (marker: String, continuation: CheckedContinuation<String?, Never>)?
        var exitWaiter: CheckedContinuation<Int32, Never>?
    }

    private let process = Process()
    private let state = Mutex(State())

    init(executable: URL = ServerProcess.executable, arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        // The developer's own database and settings overrides must not leak into the child.
        let inherited = ProcessInfo.processInfo.environment.filter { key, _ in
            key != "DATABASE_URL" && !key.hasPrefix("SZ_")
        }
        process.environment = inherited.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            let resume = self?.state.withLock { state -> (CheckedContinuation<String?, Never>, String)? in
                state.output += text
                guard let waiter = state.lineWaiter,
                    let line = state.output.split(separator: "\n").first(where: { $0.contains(waiter.marker) })
                else { return nil }
                state.lineWaiter = nil
                return (waiter.continuation, String(line))
            }
            if let (continuation, line) = resume { continuation.resume(returning: line) }
        }
        process.terminationHandler = { [weak self] process in
            // Output still in the pipe when the process ends would otherwise be lost to the waiters.
            pipe.fileHandleForReading.readabilityHandler = nil
            let rest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let waiters = self?.state.withLock { state in
                state.output += rest
                state.exitStatus = process.terminationStatus
                defer {
                    state.lineWaiter = nil
                    state.exitWaiter = nil
                }
                return (state.lineWaiter?.continuation, state.exitWaiter)
            }
            waiters?.0?.resume(returning: nil)
            waiters?.1?.resume(returning: process.terminationStatus)
        }
        try process.run()
    }

    var output: String { state.withLock { $0.output } }

    /// The first output line containing `marker`, or nil when the process ends without printing one.
    func line(containing marker: String) async -> String? {
        await withCheckedContinuation { continuation in
            let immediate: String?? = state.withLock { state in
                if let line = state.output.split(separator: "\n").first(where: { $0.contains(marker) }) {
                    return .some(String(line))
                }
                if state.exitStatus != nil { return .some(nil) }
                state.lineWaiter = (marker, continuation)
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns its exit status.
    func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status = state.withLock { state in
                if state.exitStatus == nil { state.exitWaiter = continuation }
                return state.exitStatus
            }
            if let status { continuation.resume(returning: status) }
        }
    }
}
