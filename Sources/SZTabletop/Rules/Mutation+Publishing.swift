/// How token changes are told to each audience. GMs get every token; the table (players and spectators) only
/// what it can see, and a token that appears or disappears for the table is created or deleted for it.
extension Mutation {
    /// Announces tokens that changed; `before` holds them as they were, in the same order.
    mutating func publishChanges(before: [Token], after: [Token]) {
        guard !after.isEmpty else { return }
        var updated: [Token] = []
        var appeared: [Token] = []
        var vanished: [TokenID] = []
        for (old, new) in zip(before, after) {
            switch (state.isVisibleToTable(old), state.isVisibleToTable(new)) {
            case (true, true): updated.append(new)
            case (false, true): appeared.append(new)
            case (true, false): vanished.append(new.id)
            case (false, false): break
            }
        }
        if updated.count == after.count {
            commit(.tokensUpdated(after), to: .everyone)
            return
        }
        commit(.tokensUpdated(after), to: .gameMasters)
        if !vanished.isEmpty { commit(.tokensDeleted(vanished), to: .everyoneButGameMasters) }
        if !appeared.isEmpty { commit(.tokensCreated(appeared), to: .everyoneButGameMasters) }
        if !updated.isEmpty { commit(.tokensUpdated(updated), to: .everyoneButGameMasters) }
    }

    mutating func publishCreated(_ tokens: [Token]) {
        for (event, audience) in split(tokens, GameEvent.tokensCreated) { commit(event, to: audience) }
    }

    /// Announces deleted tokens; visibility is judged on the tokens as they were.
    mutating func publishDeleted(_ tokens: [Token]) {
        for (event, audience) in split(tokens, { GameEvent.tokensDeleted($0.map(\.id)) }) {
            commit(event, to: audience)
        }
    }

    /// One event for everyone when the table sees every token, otherwise the full one for GMs and the visible
    /// part for the table (none when it sees nothing).
    func split<Event>(_ tokens: [Token], _ make: ([Token]) -> Event) -> [(Event, Audience)] {
        let visible = tokens.filter(state.isVisibleToTable)
        if visible.count == tokens.count { return [(make(tokens), .everyone)] }
        return [(make(tokens), .gameMasters)] + (visible.isEmpty ? [] : [(make(visible), .everyoneButGameMasters)])
    }

    /// Scene changes reach the table only for the scene it looks at.
    func audience(forScene id: SceneID) -> Audience {
        id == state.activeSceneID ? .everyone : .gameMasters
    }
}
