import HashTreeCollections

/// The permission rules, in one place: every command handler calls these before it changes anything.
extension Mutation {
    func requireGM(to action: String) throws(RoomError) {
        guard senderIsGM else { throw .forbidden("only the GM may \(action)") }
    }

    /// GMs and players; spectators only watch.
    func requireParticipant(to action: String) throws(RoomError) {
        guard sender.role != .spectator else { throw .forbidden("spectators only watch; they may not \(action)") }
    }

    /// A token the sender can see. Others' hidden tokens and tokens of other scenes are reported as missing,
    /// so a player learns nothing about them.
    func visibleToken(_ id: TokenID) throws(RoomError) -> Token {
        guard let token = state.tokens[id], senderIsGM || state.isVisibleToTable(token) else {
            throw .notFound("token \(id) not found")
        }
        return token
    }

    /// A token the sender owns (any token for a GM), whether locked or not.
    func ownedToken(_ id: TokenID) throws(RoomError) -> Token {
        let token = try visibleToken(id)
        guard senderIsGM || token.owner == sender.id else {
            throw .forbidden("token \(id) belongs to someone else")
        }
        return token
    }

    /// A token the sender may change. A locked token refuses every change but unlocking, for everyone and
    /// whatever else the command carries (pyvtt let `locked:true` with a position move a locked token).
    func changeableToken(_ id: TokenID) throws(RoomError) -> Token {
        let token = try ownedToken(id)
        guard !token.locked else { throw .forbidden("token \(id) is locked; the GM must unlock it first") }
        return token
    }

    /// A list of token ids from a command: not empty (unless allowed), not too long, no repeats.
    func checkedTokenIDs(_ ids: [TokenID], field: String, allowEmpty: Bool = false) throws(RoomError) -> [TokenID] {
        if ids.isEmpty && !allowEmpty { throw .invalid(field: field, reason: "must name at least one token") }
        guard ids.count <= limits.maxTokensPerCommand else {
            throw .invalid(field: field, reason: "names \(ids.count) tokens; at most \(limits.maxTokensPerCommand)")
        }
        var seen: Set<TokenID> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            throw .invalid(field: "\(field)/\(index)", reason: "token \(id) is named twice")
        }
        return ids
    }
}

extension TabletopLimits {
    public func checkedName(_ name: String, field: String) throws(RoomError) -> String {
        let trimmed = name.trimmingSpaces
        guard !trimmed.isEmpty else { throw .invalid(field: field, reason: "must not be empty") }
        guard trimmed.count <= maxNameLength else {
            throw .invalid(field: field, reason: "is \(trimmed.count) characters long; at most \(maxNameLength)")
        }
        guard !trimmed.hasControlCharacters else {
            throw .invalid(field: field, reason: "must not contain control characters")
        }
        return trimmed
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    var hasControlCharacters: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
