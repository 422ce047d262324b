import HashTreeCollections

extension Mutation {
    mutating func createTokens(_ requests: [NewToken], on sceneID: SceneID) throws(RoomError) {
        try requireParticipant(to: "add tokens")
        guard let scene = state.scene(sceneID), senderIsGM || sceneID == state.activeSceneID else {
            throw .notFound("scene \(sceneID) not found")
        }
        if requests.isEmpty { throw .invalid(field: "tokens", reason: "must hold at least one token") }
        guard requests.count <= limits.maxTokensPerCommand else {
            throw .invalid(
                field: "tokens",
                reason: "holds \(requests.count) tokens; at most \(limits.maxTokensPerCommand)"
            )
        }
        try requireRoom(for: requests.count, on: scene)
        var top = state.tokens(on: sceneID).last?.z ?? 0
        var created: [Token] = []
        for (index, request) in requests.enumerated() {
            let field = "tokens/\(index)"
            try checkGMOnlyFields(of: request, field: field)
            top += 1
            var token = Token(
                id: TokenID(ids.next()),
                sceneID: sceneID,
                image: request.image,
                x: request.x,
                y: request.y,
                z: top,
                owner: senderIsGM ? request.owner : sender.id,
                hidden: request.hidden ?? false,
                background: request.background ?? false
            )
            token.clamp(to: scene)
            if let size = request.size { token.size = try checkedSize(size, field: "\(field)/size") }
            if let rotation = request.rotation {
                token.rotation = try normalisedRotation(rotation, field: "\(field)/rotation")
            }
            if let label = request.label { token.label = try checkedLabel(label, field: "\(field)/label") }
            token.flipped = request.flipped ?? false
            created.append(token)
        }
        for token in created { state.tokens[token.id] = token }
        publishCreated(created)
    }

    private func checkGMOnlyFields(of request: NewToken, field: String) throws(RoomError) {
        if senderIsGM {
            if let owner = request.owner, state.player(owner) == nil {
                throw .invalid(field: "\(field)/owner", reason: "player \(owner) is not part of this game")
            }
            return
        }
        if let owner = request.owner, owner != sender.id {
            throw .forbidden("\(field)/owner: players may only add tokens they own")
        }
        if request.hidden == true { throw .forbidden("\(field)/hidden: only the GM may add hidden tokens") }
        if request.background == true { throw .forbidden("\(field)/background: only the GM may add background tokens") }
    }

    func requireRoom(for count: Int, on scene: Scene) throws(RoomError) {
        let present = state.tokens(on: scene.id).count
        guard present + count <= limits.maxTokensPerScene else {
            throw .conflict(
                "scene \(scene.id) holds \(present) tokens; it may hold at most \(limits.maxTokensPerScene)"
            )
        }
    }

    mutating func moveTokens(_ moves: [TokenMove]) throws(RoomError) {
        try requireParticipant(to: "move tokens")
        let (before, after) = try movedTokens(moves)
        for token in after { state.tokens[token.id] = token }
        publishChanges(before: before, after: after)
    }

    mutating func dragTokens(_ moves: [TokenMove]) throws(RoomError) {
        try requireParticipant(to: "drag tokens")
        let (_, after) = try movedTokens(moves)
        let player = sender.id
        for (event, audience) in split(
            after,
            { tokens in
                EphemeralEvent.tokensDragged(by: player, tokens.map { TokenMove(tokenID: $0.id, x: $0.x, y: $0.y) })
            }
        ) { show(event, to: audience) }
    }

    /// The moved tokens before and after, positions kept inside their scene.
    private func movedTokens(_ moves: [TokenMove]) throws(RoomError) -> (before: [Token], after: [Token]) {
        _ = try checkedTokenIDs(moves.map(\.tokenID), field: "moves")
        var before: [Token] = []
        var after: [Token] = []
        for move in moves {
            let token = try changeableToken(move.tokenID)
            var moved = token
            moved.x = move.x
            moved.y = move.y
            if let scene = state.scene(token.sceneID) { moved.clamp(to: scene) }
            before.append(token)
            after.append(moved)
        }
        return (before, after)
    }

    mutating func cloneTokens(_ tokenIDs: [TokenID], dx: Int, dy: Int) throws(RoomError) {
        try requireParticipant(to: "clone tokens")
        var sources: [Token] = []
        for id in try checkedTokenIDs(tokenIDs, field: "tokenIDs") { sources.append(try ownedToken(id)) }
        var copies: [Token] = []
        for sceneID in Set(sources.map(\.sceneID)).sorted() {
            guard let scene = state.scene(sceneID) else { continue }
            let group = sources.filter { $0.sceneID == sceneID }.sorted { ($0.z, $0.id) < ($1.z, $1.id) }
            try requireRoom(for: group.count, on: scene)
            let top = state.tokens(on: sceneID).last?.z ?? 0
            for (offset, source) in group.enumerated() {
                var copy = source
                copy.id = TokenID(ids.next())
                copy.x = source.x.addingClamped(dx)
                copy.y = source.y.addingClamped(dy)
                copy.locked = false
                copy.z = top + 1 + offset
                copy.clamp(to: scene)
                copies.append(copy)
            }
        }
        for copy in copies { state.tokens[copy.id] = copy }
        publishCreated(copies)
    }

    mutating func deleteTokens(_ ids: [TokenID]) throws(RoomError) {
        try requireParticipant(to: "delete tokens")
        var doomed: [Token] = []
        for id in try checkedTokenIDs(ids, field: "tokenIDs") { doomed.append(try changeableToken(id)) }
        publishDeleted(doomed)
        for token in doomed { state.tokens[token.id] = nil }
    }

    mutating func selectTokens(_ ids: [TokenID]) throws(RoomError) {
        try requireParticipant(to: "select tokens")
        var selected: [Token] = []
        for id in try checkedTokenIDs(ids, field: "tokenIDs", allowEmpty: true) {
            selected.append(try visibleToken(id))
        }
        let player = sender.id
        let colour = sender.colour
        for (event, audience) in split(
            selected,
            { EphemeralEvent.tokensSelected(by: player, colour: colour, $0.map(\.id)) }
        ) {
            show(event, to: audience)
        }
    }

    mutating func placeBeacon(x: Int, y: Int) throws(RoomError) {
        try requireParticipant(to: "place beacons")
        let scene = state.scene(state.activeSceneID)
        let clampedX = min(max(x, 0), scene?.width ?? x)
        let clampedY = min(max(y, 0), scene?.height ?? y)
        show(.beaconPlaced(by: sender.id, colour: sender.colour, x: clampedX, y: clampedY), to: .everyone)
    }

    func checkedSize(_ size: Int, field: String) throws(RoomError) -> Int {
        guard limits.tokenSizes.contains(size) else {
            throw .invalid(
                field: field,
                reason: "is \(size); must be from \(limits.tokenSizes.lowerBound) to \(limits.tokenSizes.upperBound)"
            )
        }
        return size
    }

    func normalisedRotation(_ degrees: Double, field: String) throws(RoomError) -> Double {
        guard degrees.isFinite else { throw .invalid(field: field, reason: "must be a finite number of degrees") }
        let turned = degrees.truncatingRemainder(dividingBy: 360)
        return turned < 0 ? turned + 360 : turned
    }

    func checkedLabel(_ label: String, field: String) throws(RoomError) -> String {
        guard label.count <= limits.maxLabelLength else {
            throw .invalid(field: field, reason: "is \(label.count) characters long; at most \(limits.maxLabelLength)")
        }
        guard !label.hasControlCharacters else {
            throw .invalid(field: field, reason: "must not contain control characters")
        }
        return label
    }
}

extension Token {
    /// Keeps the centre inside the scene, as every client draws it there anyway.
    mutating func clamp(to scene: Scene) {
        x = min(max(x, 0), scene.width)
        y = min(max(y, 0), scene.height)
    }
}

extension Int {
    /// Adds without trapping on overflow: positions are clamped to the scene right after.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
