import HashTreeCollections

extension Mutation {
    mutating func createScene(named name: String) throws(RoomError) {
        try requireGM(to: "create scenes")
        let name = try limits.checkedName(name, field: "name")
        try requireSceneRoom()
        let scene = Scene(id: SceneID(ids.next()), name: name)
        state.scenes.append(scene)
        commit(.sceneCreated(scene), to: .gameMasters)
    }

    mutating func activateScene(_ id: SceneID) throws(RoomError) {
        try requireGM(to: "activate scenes")
        let scene = try existingScene(id)
        state.activeSceneID = scene.id
        publishActivation()
    }

    mutating func reorderScene(_ id: SceneID, to index: Int) throws(RoomError) {
        try requireGM(to: "reorder scenes")
        let scene = try existingScene(id)
        guard state.scenes.indices.contains(index) else {
            throw .invalid(field: "toIndex", reason: "is \(index); must be from 0 to \(state.scenes.count - 1)")
        }
        state.scenes.removeAll { $0.id == id }
        state.scenes.insert(scene, at: index)
        commit(.scenesReordered(state.scenes.map(\.id)), to: .gameMasters)
    }

    /// The copy leaves out background tokens, like pyvtt's: they belong to the original map.
    mutating func cloneScene(_ id: SceneID) throws(RoomError) {
        try requireGM(to: "clone scenes")
        let source = try existingScene(id)
        try requireSceneRoom()
        var copy = source
        copy.id = SceneID(ids.next())
        copy.name = String((source.name + " (copy)").prefix(limits.maxNameLength))
        let position = (state.scenes.firstIndex { $0.id == id } ?? state.scenes.count - 1) + 1
        state.scenes.insert(copy, at: position)
        var tokens: [Token] = []
        for token in state.tokens(on: id) where !token.background {
            var clone = token
            clone.id = TokenID(ids.next())
            clone.sceneID = copy.id
            tokens.append(clone)
        }
        for token in tokens { state.tokens[token.id] = token }
        commit(.sceneCreated(copy), to: .gameMasters)
        if !tokens.isEmpty { commit(.tokensCreated(tokens), to: .gameMasters) }
        commit(.scenesReordered(state.scenes.map(\.id)), to: .gameMasters)
    }

    /// Deleting the active scene activates its neighbour, or a new empty scene when it was the last one.
    mutating func deleteScene(_ id: SceneID) throws(RoomError) {
        try requireGM(to: "delete scenes")
        _ = try existingScene(id)
        let wasActive = id == state.activeSceneID
        let index = state.scenes.firstIndex { $0.id == id } ?? 0
        state.scenes.removeAll { $0.id == id }
        state.tokens = state.tokens.filter { $0.value.sceneID != id }
        commit(.sceneDeleted(id), to: wasActive ? .everyone : .gameMasters)
        guard wasActive else { return }
        if state.scenes.isEmpty {
            let scene = Scene(id: SceneID(ids.next()), name: "Scene 1")
            state.scenes.append(scene)
            commit(.sceneCreated(scene), to: .gameMasters)
        }
        state.activeSceneID = state.scenes[max(0, min(index, state.scenes.count) - 1)].id
        publishActivation()
    }

    mutating func updateScene(_ id: SceneID, _ update: SceneUpdate) throws(RoomError) {
        try requireGM(to: "change scenes")
        var scene = try existingScene(id)
        if let name = update.name { scene.name = try limits.checkedName(name, field: "name") }
        if let width = update.width { scene.width = try checkedSceneSize(width, field: "width") }
        if let height = update.height { scene.height = try checkedSceneSize(height, field: "height") }
        if let grid = update.grid { scene.grid = try checkedGrid(grid) }
        if let background = update.background { scene.background = background }
        state.scenes = state.scenes.map { $0.id == id ? scene : $0 }
        commit(.sceneUpdated(scene), to: audience(forScene: id))
        let before = state.tokens(on: id)
        let after = before.map { token in
            var token = token
            token.clamp(to: scene)
            return token
        }
        let moved = zip(before, after).filter { $0 != $1 }
        for (_, token) in moved { state.tokens[token.id] = token }
        publishChanges(before: moved.map(\.0), after: moved.map(\.1))
    }

    private mutating func publishActivation() {
        guard let scene = state.scene(state.activeSceneID) else { return }
        for (event, audience) in split(state.tokens(on: scene.id), { GameEvent.sceneActivated(scene, tokens: $0) }) {
            commit(event, to: audience)
        }
    }

    private func existingScene(_ id: SceneID) throws(RoomError) -> Scene {
        guard let scene = state.scene(id) else { throw .notFound("scene \(id) not found") }
        return scene
    }

    private func requireSceneRoom() throws(RoomError) {
        guard state.scenes.count < limits.maxScenes else {
            throw .conflict("the game already holds \(state.scenes.count) scenes, the most it may hold")
        }
    }

    private func checkedSceneSize(_ size: Int, field: String) throws(RoomError) -> Int {
        guard limits.sceneSizes.contains(size) else {
            throw .invalid(
                field: field,
                reason: "is \(size); must be from \(limits.sceneSizes.lowerBound) to \(limits.sceneSizes.upperBound)"
            )
        }
        return size
    }

    private func checkedGrid(_ grid: Grid) throws(RoomError) -> Grid {
        guard limits.gridCellSizes.contains(grid.cellSize) else {
            throw .invalid(
                field: "grid/cellSize",
                reason:
                    "is \(grid.cellSize); must be from \(limits.gridCellSizes.lowerBound) to \(limits.gridCellSizes.upperBound)"
            )
        }
        for (name, offset) in [("offsetX", grid.offsetX), ("offsetY", grid.offsetY)]
        where !(0..<grid.cellSize).contains(offset) {
            throw .invalid(field: "grid/\(name)", reason: "is \(offset); must be from 0 to \(grid.cellSize - 1)")
        }
        return grid
    }
}
