import FluentKit
import FluentSQL
import Foundation
import Logging

/// Writes the events of every game with group commit: appends that arrive while a transaction is being
/// committed wait and go together into the next one, so many commands share one fsync instead of paying one
/// each, and nobody waits for a timer when the server is quiet. `append` returns only once its events are
/// committed: an acknowledged event is durable.
public actor GameEventWriter {
    /// The most events one transaction takes; more appends wait for the next one.
    public static let maxEventsPerTransaction = 1000

    private enum Turn {
        case done((any Error)?)
        /// The previous writer finished and hands over: this append commits itself and those waiting behind it.
        case lead
    }

    private struct Work {
        var events: [StoredGameEvent]
        var standings: [StandingChange]
    }

    private struct Waiter {
        var work: Work
        var continuation: CheckedContinuation<Turn, Never>
    }

    private let database: @Sendable () -> any Database
    private let now: @Sendable () -> Date
    private var writing = false
    private var waiting: [Waiter] = []
    /// Transactions committed or tried so far: lets tests see that appends were grouped.
    public private(set) var transactions = 0

    init(database: @escaping @Sendable () -> any Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Stores events (in sequence order per game) and the standing changes they carry, all or none.
    public func append(_ events: [StoredGameEvent], standings: [StandingChange] = []) async throws {
        let work = Work(events: events, standings: standings)
        if writing {
            let turn = await withCheckedContinuation { waiting.append(Waiter(work: work, continuation: $0)) }
            switch turn {
            case .done(let error):
                if let error { throw error }
                return
            case .lead: break
            }
        }
        writing = true
        var taken = 0
        var count = events.count
        while taken < waiting.count, count + waiting[taken].work.events.count <= Self.maxEventsPerTransaction {
            count += waiting[taken].work.events.count
            taken += 1
        }
        let followers = Array(waiting.prefix(taken))
        waiting.removeFirst(taken)
        let results = await commit([work] + followers.map(\.work))
        for (follower, result) in zip(followers, results.dropFirst()) {
            follower.continuation.resume(returning: .done(result))
        }
        if waiting.isEmpty { writing = false } else { waiting.removeFirst().continuation.resume(returning: .lead) }
        if let error = results[0] { throw error }
    }

    /// One transaction for all; when it fails, each append is tried alone so that one bad append (a game two
    /// servers wrote to) does not fail the others. Returns each append's error, in order.
    private func commit(_ works: [Work]) async -> [(any Error)?] {
        do {
            try await write(works)
            return works.map { _ in nil }
        } catch {
            guard works.count > 1 else { return [error] }
            var results: [(any Error)?] = []
            for work in works {
                do {
                    try await write([work])
                    results.append(nil)
                } catch {
                    results.append(error)
                }
            }
            return results
        }
    }

    /// SQL of our own rather than Fluent models: building a model reads its fields by reflection, which cost
    /// more than the insert itself on this path (BENCHMARKS.md, tabletop under load).
    private func write(_ works: [Work]) async throws {
        transactions += 1
        let events = works.flatMap(\.events)
        let standings = works.flatMap(\.standings)
        let now = now()
        do {
            try await database().transaction { database in
                guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
                if !events.isEmpty {
                    var insert = sql.insert(into: GameEventModel.schema)
                        .columns("id", "game_id", "sequence", "audience", "payload")
                    var random = SystemRandomNumberGenerator()
                    for event in events {
                        insert = insert.values(
                            SQLBind(UUID.timeOrdered(at: now, using: &random)),
                            SQLBind(event.gameID),
                            SQLBind(event.sequence),
                            SQLBind(event.audience),
                            SQLBind(event.payload)
                        )
                    }
                    try await insert.run()
                }
                for change in standings {
                    try await sql.update(GamePlayerModel.schema).set("standing", to: change.standing)
                        .where("game_id", .equal, change.gameID).where("player_id", .equal, change.playerID).run()
                }
                let games = Array(Set(events.map(\.gameID)))
                if !games.isEmpty {
                    // One statement for every game of the transaction: each statement is a round trip to SQLite's
                    // thread.
                    try await sql.update(GameModel.schema).set("last_activity_at", to: now).where("id", .in, games)
                        .run()
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            let first = events.first
            throw GameStoreError.sequenceTaken(game: first?.gameID ?? UUID(), sequence: first?.sequence ?? 0)
        }
    }
}
