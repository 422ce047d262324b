import HashTreeCollections

/// Rebuilding a game from storage: the latest snapshot, then the events stored after it.
extension GameState {
    /// Applies stored events in order. Only what a GM receives is used: GMs get every change in full, and the
    /// table's versions (`everyoneButGameMasters`) repeat part of it. Accounts behind players who joined after
    /// the snapshot are not in `player.joined` (the wire never shows them); `accounts` supplies them.
    public func replaying(
        _ events: [SequencedEvent],
        accounts: [PlayerID: UserID] = [:],
        limits: TabletopLimits = TabletopLimits()
    ) -> GameState {
        var state = self
        let gm = Viewer(playerID: PlayerID(""), role: .gm)
        for stored in events where stored.sequence > state.sequence {
            if stored.audience.includes(gm) { state.apply(stored.event, accounts: accounts, limits: limits) }
            state.sequence = stored.sequence
        }
        return state
    }

    private mutating func apply(_ event: GameEvent, accounts: [PlayerID: UserID], limits: TabletopLimits) {
        switch event {
        case .sceneCreated(let scene): scenes.append(scene)
        case .sceneUpdated(let scene): scenes = scenes.map { $0.id == scene.id ? scene : $0 }
        case .sceneDeleted(let id):
            scenes.removeAll { $0.id == id }
            tokens = tokens.filter { $0.value.sceneID != id }
        case .scenesReordered(let order):
            let byID = Dictionary(uniqueKeysWithValues: scenes.map { ($0.id, $0) })
            scenes = order.compactMap { byID[$0] }
        case .sceneActivated(let scene, _): activeSceneID = scene.id
        case .tokensCreated(let changed), .tokensUpdated(let changed):
            for token in changed { tokens[token.id] = token }
        case .tokensDeleted(let ids):
            for id in ids { tokens[id] = nil }
        case .musicUpdated(let slot): music = music.map { $0.slot == slot.slot ? slot : $0 }
        case .playerJoined(let info):
            players.append(
                Player(
                    id: info.id,
                    name: info.name,
                    colour: info.colour,
                    role: info.role,
                    standing: info.standing,
                    online: info.online,
                    userID: accounts[info.id]
                )
            )
        case .playerUpdated(let info):
            guard let index = players.firstIndex(where: { $0.id == info.id }) else { return }
            players[index].name = info.name
            players[index].colour = info.colour
            players[index].role = info.role
            players[index].standing = info.standing
            players[index].online = info.online
        case .diceRolled(let entry): rolls = Array((rolls + [entry]).suffix(limits.recentRolls))
        case .sessionChanged: break
        }
    }
}
