import HashTreeCollections
import SZTabletop
import Testing

@Suite("Scenes and music")
struct SceneAndMusicTests {
    @Test("activating a scene shows it to the table with only its visible tokens")
    func activate() throws {
        var state = tableState()
        state.tokens[TokenID("secret")] = Token(
            id: TokenID("secret"),
            sceneID: SceneID("s2"),
            image: image,
            x: 1,
            y: 1,
            hidden: true
        )
        let result = try state.applying(.activateScene(SceneID("s2")), by: .gm)
        let cave = try #require(result.state.scene(SceneID("s2")))
        let visible = try #require(result.state.token("s2-token"))
        let secret = try #require(result.state.token("secret"))
        #expect(
            result.outcome.committed == [
                Published(.sceneActivated(cave, tokens: [visible, secret]), to: .gameMasters),
                Published(.sceneActivated(cave, tokens: [visible]), to: .everyoneButGameMasters),
            ]
        )
    }

    @Test("deleting the active scene activates its neighbour, or a new scene when none is left")
    func deleteActive() throws {
        let once = try tableState().applying(.deleteScene(SceneID("s1")), by: .gm).state
        #expect(once.activeSceneID == SceneID("s2"))
        #expect(once.token("ann-token") == nil)
        let twice = try once.applying(.deleteScene(SceneID("s2")), by: .gm).state
        #expect(twice.scenes.map(\.name) == ["Scene 1"])
        #expect(twice.activeSceneID == twice.scenes[0].id)
    }

    @Test("reorder, clone and update check their values")
    func sceneValues() throws {
        let reordered = try tableState().applying(.reorderScene(SceneID("s2"), toIndex: 0), by: .gm).state
        #expect(reordered.scenes.map(\.id.rawValue) == ["s2", "s1"])
        #expect(throws: RoomError.invalid(field: "toIndex", reason: "is 2; must be from 0 to 1")) {
            try tableState().applying(.reorderScene(SceneID("s2"), toIndex: 2), by: .gm)
        }
        let cloned = try tableState().applying(.cloneScene(SceneID("s1")), by: .gm).state
        #expect(cloned.scenes.map(\.name) == ["Camp", "Camp (copy)", "Cave"])
        #expect(cloned.tokens(on: SceneID("new-1")).count == 5)
        #expect(throws: RoomError.invalid(field: "grid/offsetX", reason: "is 40; must be from 0 to 31")) {
            try tableState().applying(
                .updateScene(SceneID("s1"), SceneUpdate(grid: Grid(cellSize: 32, offsetX: 40))),
                by: .gm
            )
        }
        #expect(throws: RoomError.invalid(field: "name", reason: "must not be empty")) {
            try tableState().applying(.createScene(name: "  "), by: .gm)
        }
        let shrunk = try tableState().applying(
            .updateScene(SceneID("s1"), SceneUpdate(width: 250, background: .some(nil))),
            by: .gm
        )
        #expect(shrunk.state.token("bob-token")?.x == 250)
        #expect(shrunk.state.scene(SceneID("s1"))?.background == nil)
    }

    @Test("music slots: play needs a track, volume is 0 to 1, slots are 0 to 4")
    func music() throws {
        let playing = try tableState().applying(.music(slot: 0, .play), by: .gm).state
        #expect(playing.music[0].playback == .playing)
        #expect(throws: RoomError.conflict("music slot 1 has no track to play")) {
            try tableState().applying(.music(slot: 1, .play), by: .gm)
        }
        #expect(throws: RoomError.invalid(field: "volume", reason: "is 1.5; must be from 0 to 1")) {
            try tableState().applying(.music(slot: 0, .volume(1.5)), by: .gm)
        }
        #expect(throws: RoomError.invalid(field: "slot", reason: "is 5; must be from 0 to 4")) {
            try tableState().applying(.music(slot: 5, .stop), by: .gm)
        }
    }
}
