import HashTreeCollections

extension Mutation {
    mutating func editTokens(_ ids: [TokenID], _ edit: TokenEdit) throws(RoomError) {
        let ids = try checkedTokenIDs(ids, field: "tokenIDs")
        var before: [Token] = []
        switch edit {
        case .locked:
            try requireGM(to: "lock or unlock tokens")
            for id in ids { before.append(try visibleToken(id)) }
        case .hidden:
            try requireGM(to: "hide or reveal tokens")
            for id in ids { before.append(try changeableToken(id)) }
        default:
            try requireParticipant(to: "change tokens")
            for id in ids { before.append(try changeableToken(id)) }
        }
        var after = before
        switch edit {
        case .size(let size):
            let size = try checkedSize(size, field: "size")
            for index in after.indices { after[index].size = size }
        case .rotation(let degrees):
            let rotation = try normalisedRotation(degrees, field: "rotation")
            for index in after.indices { after[index].rotation = rotation }
        case .flipped(let flipped): for index in after.indices { after[index].flipped = flipped }
        case .label(let label):
            let label = try checkedLabel(label, field: "label")
            for index in after.indices { after[index].label = label }
        case .locked(let locked): for index in after.indices { after[index].locked = locked }
        case .hidden(let hidden): for index in after.indices { after[index].hidden = hidden }
        case .arrange(let placement): after = arranged(before, placement)
        }
        for token in after { state.tokens[token.id] = token }
        publishChanges(before: before, after: after)
    }

    /// The tokens moved above (or below) every other token of their scene, keeping their order among themselves.
    private func arranged(_ tokens: [Token], _ placement: ZPlacement) -> [Token] {
        let moving = Set(tokens.map(\.id))
        var newZ: [TokenID: Int] = [:]
        for sceneID in Set(tokens.map(\.sceneID)) {
            let group = tokens.filter { $0.sceneID == sceneID }.sorted { ($0.z, $0.id) < ($1.z, $1.id) }
            let others = state.tokens(on: sceneID).filter { !moving.contains($0.id) }.map(\.z)
            let base =
                switch placement {
                case .top: (others.max() ?? 0) + 1
                case .bottom: (others.min() ?? 0) - group.count
                }
            for (offset, token) in group.enumerated() { newZ[token.id] = base + offset }
        }
        return tokens.map { token in
            var token = token
            token.z = newZ[token.id] ?? token.z
            return token
        }
    }
}
