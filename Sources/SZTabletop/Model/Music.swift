public enum Playback: String, Codable, Sendable {
    case playing
    case paused
    case stopped
}

/// One of the game's music slots. Every client plays the slots itself; the room keeps what they should do.
public struct MusicSlot: Codable, Equatable, Sendable {
    /// The slot's place, `0..<TabletopLimits.musicSlots`.
    public var slot: Int
    public var track: BlobID?
    public var playback: Playback
    public var loop: Bool
    /// Loudness from 0 (silent) to 1.
    public var volume: Double

    public init(slot: Int, track: BlobID? = nil, playback: Playback = .stopped, loop: Bool = true, volume: Double = 1) {
        self.slot = slot
        self.track = track
        self.playback = playback
        self.loop = loop
        self.volume = volume
    }
}
