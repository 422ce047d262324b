import Foundation
import Logging
import SZServer
import SZStore
import SZTabletop
import ServiceLifecycle
import Testing

@Suite("The registry of loaded games, as a service")
struct GameRegistryTests {
    @Test("cancelled rather than shut down gracefully, it stores no last snapshot: the store may be closing already")
    func cancelledRegistryLeavesTheStoreAlone() async {
        // Using a closed store stops the process, so the check runs in a process of its own.
        await #expect(processExitsWith: .success) {
            try await Self.cancelRegistryAfterClosingItsStore()
        }
    }

    /// Loads a room that was never snapshotted (a last snapshot would write it), closes the store, then runs the
    /// registry cancelled.
    static func cancelRegistryAfterClosingItsStore() async throws {
        try await ScratchDatabase.sqlite.withLocation { location in
            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .critical
            let store = try Store(location: location, logger: logger)
            try await store.migrate()
            let owner = try await store.users.create(name: "gina", role: nil, passwordHash: nil, now: Date())
            let id = UUID()
            let state = GameState.newGame(
                Game(id: GameID(id.uuidString), name: "Dark forest", gmUserID: UserID(owner.id.uuidString)),
                firstScene: SceneID("s-1")
            )
            _ = try await store.games.create(
                NewGame(ownerID: owner.id, slug: "dark-forest", name: "Dark forest", passwordHash: nil),
                id: id,
                initialState: state.storedJSON,
                now: Date()
            )
            let registry = GameRegistry(store: store, logger: logger)
            _ = try await registry.room(for: id)
            await store.shutdown()
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await registry.run() }
                group.cancelAll()
            }
        }
    }
}
