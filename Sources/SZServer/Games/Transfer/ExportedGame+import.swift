import SZTabletop

extension ExportedGame {
    /// The game this export describes, checked against the tabletop's limits as if it had been built command by
    /// command. Paths are relative to `folder` in the archive; `file` is where `game.json` is.
    func content(
        media: inout ArchiveMedia,
        folder: String,
        file: String,
        limits: TabletopLimits = TabletopLimits()
    ) throws(GameImportError) -> GameContent {
        var check = ImportCheck(file: file)
        try check.require(format == Self.format, "/format", "must be \"\(Self.format)\"")
        try check.require(version == Self.currentVersion, "/version", "is \(version); this server reads version 1")
        try check.require(!scenes.isEmpty, "/scenes", "must hold at least one scene")
        try check.require(scenes.count <= limits.maxScenes, "/scenes", "holds more than \(limits.maxScenes) scenes")
        try check.require(scenes.indices.contains(activeScene), "/activeScene", "is not the index of a scene")
        var content = GameContent(name: name, flags: flags, rolls: Array(rolls.suffix(limits.recentRolls)))
        for (index, scene) in scenes.enumerated() {
            let at = "/scenes/\(index)"
            try check.unique(scene.id, "\(at)/id")
            try check.name(scene.name, "\(at)/name", limits: limits)
            try check.require(limits.sceneSizes.contains(scene.width), "\(at)/width", "must be in \(limits.sceneSizes)")
            try check.require(
                limits.sceneSizes.contains(scene.height),
                "\(at)/height",
                "must be in \(limits.sceneSizes)"
            )
            try check.require(
                limits.gridCellSizes.contains(scene.grid.cellSize),
                "\(at)/grid/cellSize",
                "must be in \(limits.gridCellSizes)"
            )
            try check.require(
                scene.tokens.count <= limits.maxTokensPerScene,
                "\(at)/tokens",
                "holds more than \(limits.maxTokensPerScene) tokens"
            )
            let sceneID = SceneID(scene.id)
            let background = try scene.background.map { path throws(GameImportError) in
                try BlobID(computed: media.image(folder + path, referrer: file, pointer: "\(at)/background"))
            }
            content.scenes.append(
                Scene(
                    id: sceneID,
                    name: scene.name,
                    width: scene.width,
                    height: scene.height,
                    background: background,
                    grid: scene.grid
                )
            )
            for (tokenIndex, token) in scene.tokens.enumerated() {
                content.tokens.append(
                    try token.checked(
                        on: scene,
                        sceneID: sceneID,
                        at: "\(at)/tokens/\(tokenIndex)",
                        check: &check,
                        media: &media,
                        folder: folder,
                        limits: limits
                    )
                )
            }
        }
        content.activeSceneID = SceneID(scenes[activeScene].id)
        try check.require(music.count == TabletopLimits.musicSlots, "/music", "must list the 5 music slots")
        content.music = []
        for (index, slot) in music.enumerated() {
            let at = "/music/\(index)"
            try check.require(slot.slot == index, "\(at)/slot", "must be \(index)")
            try check.require((0...1).contains(slot.volume), "\(at)/volume", "must be from 0 to 1")
            let track = try slot.track.map { path throws(GameImportError) in
                try BlobID(computed: media.track(folder + path, referrer: file, pointer: "\(at)/track"))
            }
            content.music?.append(
                MusicSlot(
                    slot: index,
                    track: track,
                    playback: track == nil ? .stopped : slot.playback,
                    loop: slot.loop,
                    volume: slot.volume
                )
            )
        }
        content.blobs = Set(media.files.keys)
        return content
    }
}

extension ExportedGame.ExportedToken {
    fileprivate func checked(
        on scene: ExportedGame.ExportedScene,
        sceneID: SceneID,
        at pointer: String,
        check: inout ImportCheck,
        media: inout ArchiveMedia,
        folder: String,
        limits: TabletopLimits
    ) throws(GameImportError) -> Token {
        try check.unique(id, "\(pointer)/id")
        try check.require(limits.tokenSizes.contains(size), "\(pointer)/size", "must be in \(limits.tokenSizes)")
        try check.require((0...scene.width).contains(x), "\(pointer)/x", "must be inside the scene (0…\(scene.width))")
        try check.require(
            (0...scene.height).contains(y),
            "\(pointer)/y",
            "must be inside the scene (0…\(scene.height))"
        )
        try check.require((0..<360).contains(rotation), "\(pointer)/rotation", "must be from 0 to under 360")
        try check.require(
            label.count <= limits.maxLabelLength,
            "\(pointer)/label",
            "is longer than \(limits.maxLabelLength) characters"
        )
        let image = try BlobID(computed: media.image(folder + image, referrer: check.file, pointer: "\(pointer)/image"))
        return Token(
            id: TokenID(id),
            sceneID: sceneID,
            image: image,
            x: x,
            y: y,
            size: size,
            rotation: rotation,
            flipped: flipped,
            label: label,
            locked: locked,
            z: z,
            hidden: hidden,
            background: background
        )
    }
}

/// The checks of one imported file: each failure names the file and the JSON pointer.
struct ImportCheck {
    let file: String
    private var ids: Set<String> = []

    init(file: String) {
        self.file = file
    }

    func require(_ condition: Bool, _ pointer: String, _ message: String) throws(GameImportError) {
        if !condition { throw GameImportError(file: file, pointer: pointer, message) }
    }

    /// Scene and token ids: 1 to 64 characters, each used once in the game.
    mutating func unique(_ id: String, _ pointer: String) throws(GameImportError) {
        try require((1...64).contains(id.count), pointer, "must be 1 to 64 characters")
        try require(ids.insert(id).inserted, pointer, "repeats the id \"\(id.prefix(64))\"")
    }

    func name(_ name: String, _ pointer: String, limits: TabletopLimits) throws(GameImportError) {
        do throws(RoomError) {
            _ = try limits.checkedName(name, field: pointer)
        } catch {
            throw GameImportError(file: file, pointer: pointer, error.message)
        }
    }
}

extension BlobID {
    /// A hash the server computed itself, which is always 64 lower-case hex digits.
    init(computed sha256: String) throws(GameImportError) {
        do throws(RoomError) {
            try self.init(hex: sha256)
        } catch {
            throw GameImportError(file: "", error.message)
        }
    }
}
