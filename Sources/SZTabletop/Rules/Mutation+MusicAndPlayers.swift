extension Mutation {
    mutating func changeMusic(slot: Int, _ change: MusicChange) throws(RoomError) {
        guard senderIsGM || (sender.role == .player && state.game.flags.playersControlMusic) else {
            throw .forbidden(
                sender.role == .spectator
                    ? "spectators only watch; they may not control the music"
                    : "only the GM may control the music in this game"
            )
        }
        guard state.music.indices.contains(slot) else {
            throw .invalid(field: "slot", reason: "is \(slot); must be from 0 to \(state.music.count - 1)")
        }
        var music = state.music[slot]
        switch change {
        case .track(let track):
            music.track = track
            music.playback = .stopped
        case .play:
            guard music.track != nil else { throw .conflict("music slot \(slot) has no track to play") }
            music.playback = .playing
        case .pause: music.playback = music.playback == .stopped ? .stopped : .paused
        case .stop: music.playback = .stopped
        case .loop(let loop): music.loop = loop
        case .volume(let volume):
            guard (0...1).contains(volume) else {
                throw .invalid(field: "volume", reason: "is \(volume); must be from 0 to 1")
            }
            music.volume = volume
        }
        state.music[slot] = music
        commit(.musicUpdated(music), to: .everyone)
    }

    mutating func setStanding(of id: PlayerID, to standing: PlayerStanding) throws(RoomError) {
        try requireGM(to: "kick, ban or readmit players")
        guard let index = state.players.firstIndex(where: { $0.id == id }) else {
            throw .notFound("player \(id) not found")
        }
        guard state.players[index].role != .gm else { throw .forbidden("a GM cannot be kicked, banned or readmitted") }
        state.players[index].standing = standing
        if standing != .active { state.players[index].online = false }
        commit(.playerUpdated(state.players[index].info), to: .everyone)
    }
}
