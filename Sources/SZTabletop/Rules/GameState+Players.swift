extension GameState {
    /// Seats a new player. Names are unique in the game whatever their case; only the GM's account may take the
    /// GM's role; a banned account cannot come back under a new name.
    public func joining(
        _ player: Player,
        limits: TabletopLimits = TabletopLimits()
    ) throws(RoomError) -> (state: GameState, outcome: CommandOutcome) {
        var player = player
        player.name = try limits.checkedName(player.name, field: "name")
        if players.contains(where: { $0.id == player.id }) { throw .conflict("player \(player.id) is already seated") }
        if players.contains(where: { $0.name.lowercased() == player.name.lowercased() }) {
            throw .conflict("the name \(quoted(player.name)) is already taken in this game")
        }
        if player.role == .gm && player.userID != game.gmUserID {
            throw .forbidden("only the game's own GM account may join as GM")
        }
        if let account = player.userID, players.contains(where: { $0.userID == account && $0.standing == .banned }) {
            throw .forbidden("this account is banned from this game")
        }
        var next = self
        next.players.append(player)
        return (next, CommandOutcome(committed: [Published(.playerJoined(player.info), to: .everyone)]))
    }

    /// Marks a player online or offline; no event when nothing changes.
    public func settingOnline(_ online: Bool, for id: PlayerID) -> (state: GameState, outcome: CommandOutcome) {
        guard let index = players.firstIndex(where: { $0.id == id }), players[index].online != online else {
            return (self, CommandOutcome())
        }
        var next = self
        next.players[index].online = online
        return (next, CommandOutcome(committed: [Published(.playerUpdated(next.players[index].info), to: .everyone)]))
    }
}
