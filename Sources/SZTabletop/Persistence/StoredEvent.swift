/// A committed event as storage keeps it: its audience as a short word and its wire form as JSON text, so a
/// database row can be read back by this module alone and filtered by audience without decoding the payload.
extension SequencedEvent {
    /// `everyone`, `gm`, `table` or `gm+PLAYERID`.
    public var storedAudience: String {
        switch audience {
        case .everyone: "everyone"
        case .gameMasters: "gm"
        case .everyoneButGameMasters: "table"
        case .gameMastersAnd(let player): "gm+\(player.rawValue)"
        }
    }

    /// Reads an event back from storage; `sequence` names it in the error when the row is damaged.
    public init(sequence: Int64, storedAudience: String, storedPayload: String) throws(StoredFormError) {
        let audience: Audience
        switch storedAudience {
        case "everyone": audience = .everyone
        case "gm": audience = .gameMasters
        case "table": audience = .everyoneButGameMasters
        case let text where text.hasPrefix("gm+") && text.count > 3:
            audience = .gameMastersAnd(PlayerID(String(text.dropFirst(3))))
        default:
            throw StoredFormError(what: "event \(sequence)", reason: "unknown audience \(quoted(storedAudience))")
        }
        do {
            let event = try TabletopJSONDecoder.decode(GameEvent.self, from: storedPayload)
            self.init(sequence: sequence, audience: audience, event: event, payload: storedPayload)
        } catch {
            throw StoredFormError(what: "event \(sequence)", reason: "payload cannot be read: \(error)")
        }
    }
}

/// Stored data this module cannot read back: a damaged row, or one written by a newer version.
public struct StoredFormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being read, such as `event 42` or `snapshot`.
    public var what: String
    public var reason: String

    public init(what: String, reason: String) {
        self.what = what
        self.reason = reason
    }

    public var description: String { "stored \(what): \(reason)" }
}
