/// The `type` of each command on the wire.
public enum CommandKind: String, CaseIterable, Sendable {
    case createScene = "scene.create"
    case activateScene = "scene.activate"
    case reorderScene = "scene.reorder"
    case cloneScene = "scene.clone"
    case deleteScene = "scene.delete"
    case updateScene = "scene.update"
    case createTokens = "token.create"
    case moveTokens = "token.move"
    case dragTokens = "token.drag"
    case resizeTokens = "token.resize"
    case rotateTokens = "token.rotate"
    case flipTokens = "token.flip"
    case labelTokens = "token.label"
    case lockTokens = "token.lock"
    case hideTokens = "token.hide"
    case arrangeTokens = "token.arrange"
    case cloneTokens = "token.clone"
    case deleteTokens = "token.delete"
    case selectTokens = "token.select"
    case placeBeacon = "beacon.place"
    case setMusicTrack = "music.setTrack"
    case playMusic = "music.play"
    case pauseMusic = "music.pause"
    case stopMusic = "music.stop"
    case loopMusic = "music.loop"
    case setMusicVolume = "music.volume"
    case kickPlayer = "player.kick"
    case banPlayer = "player.ban"
    case readmitPlayer = "player.readmit"
    case rollDice = "dice.roll"
}

extension Command {
    public var kind: CommandKind {
        switch self {
        case .createScene: .createScene
        case .activateScene: .activateScene
        case .reorderScene: .reorderScene
        case .cloneScene: .cloneScene
        case .deleteScene: .deleteScene
        case .updateScene: .updateScene
        case .createTokens: .createTokens
        case .moveTokens: .moveTokens
        case .dragTokens: .dragTokens
        case .editTokens(_, let edit): edit.kind
        case .cloneTokens: .cloneTokens
        case .deleteTokens: .deleteTokens
        case .selectTokens: .selectTokens
        case .placeBeacon: .placeBeacon
        case .music(_, let change): change.kind
        case .setStanding(_, .active): .readmitPlayer
        case .setStanding(_, .kicked): .kickPlayer
        case .setStanding(_, .banned): .banPlayer
        case .roll: .rollDice
        }
    }
}

extension TokenEdit {
    var kind: CommandKind {
        switch self {
        case .size: .resizeTokens
        case .rotation: .rotateTokens
        case .flipped: .flipTokens
        case .label: .labelTokens
        case .locked: .lockTokens
        case .hidden: .hideTokens
        case .arrange: .arrangeTokens
        }
    }
}

extension MusicChange {
    var kind: CommandKind {
        switch self {
        case .track: .setMusicTrack
        case .play: .playMusic
        case .pause: .pauseMusic
        case .stop: .stopMusic
        case .loop: .loopMusic
        case .volume: .setMusicVolume
        }
    }
}
