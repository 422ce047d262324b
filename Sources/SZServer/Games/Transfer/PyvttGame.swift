import JSONSchema
import SZTabletop

/// A game exported by pyvtt (`/vtt/export-game`): `game.json` with
/// `{"tokens": [{url, posx, posy, zorder, size, rotate, flipx, locked, text, color}], "scenes": [{"tokens": [index],
/// "backing": index | null}]}` beside `N.png` for every token whose `url` is the number N. Scenes keep their order;
/// a scene's backing token (or one of size -1) becomes its background. Tokens naming a shipped pyvtt asset by
/// name (`"crystal"`) have no file in the ZIP and are left out, each with a note.
struct PyvttGame {
    static let file = "game.json"

    let json: JSONValue

    func content(
        media: inout ArchiveMedia,
        limits: TabletopLimits = TabletopLimits()
    ) throws(GameImportError)
        -> (content: GameContent, notes: [String])
    {
        let check = ImportCheck(file: Self.file)
        guard let root = json.objectValue else { throw GameImportError(file: Self.file, "must hold a JSON object") }
        guard let tokens = root["tokens"]?.arrayValue else {
            throw GameImportError(file: Self.file, pointer: "/tokens", "must be an array of tokens")
        }
        guard let scenes = root["scenes"]?.arrayValue, !scenes.isEmpty else {
            throw GameImportError(file: Self.file, pointer: "/scenes", "must be a non-empty array of scenes")
        }
        try check.require(scenes.count <= limits.maxScenes, "/scenes", "holds more than \(limits.maxScenes) scenes")
        var content = GameContent()
        var notes: [String] = []
        var ids = RandomIdentifiers()
        for (sceneIndex, sceneJSON) in scenes.enumerated() {
            let at = "/scenes/\(sceneIndex)"
            guard let scene = sceneJSON.objectValue, let indices = scene["tokens"]?.arrayValue else {
                throw GameImportError(file: Self.file, pointer: "\(at)/tokens", "must be an array of token indices")
            }
            try check.require(
                indices.count <= limits.maxTokensPerScene,
                "\(at)/tokens",
                "holds more than \(limits.maxTokensPerScene) tokens"
            )
            let sceneID = SceneID(ids.next())
            var background: BlobID?
            let backing = try scene["backing"].flatMap { value throws(GameImportError) -> Int? in
                value == .null ? nil : try Self.index(value, count: tokens.count, at: "\(at)/backing")
            }
            for (position, indexJSON) in indices.enumerated() {
                let index = try Self.index(indexJSON, count: tokens.count, at: "\(at)/tokens/\(position)")
                let pointer = "/tokens/\(index)"
                let token = try PyvttToken(tokens[index], at: pointer)
                guard let number = token.imageNumber else {
                    notes.append("\(pointer): the pyvtt asset \"\(token.assetName.prefix(40))\" is not included")
                    continue
                }
                let image = try BlobID(
                    computed: media.image("\(number).png", referrer: Self.file, pointer: "\(pointer)/url")
                )
                if index == backing || token.size < 0 {
                    background = image
                    continue
                }
                content.tokens.append(token.token(id: TokenID(ids.next()), on: sceneID, image: image, limits: limits))
            }
            if let backing, background == nil {
                let token = try PyvttToken(tokens[backing], at: "/tokens/\(backing)")
                if let number = token.imageNumber {
                    background = try BlobID(
                        computed: media.image("\(number).png", referrer: Self.file, pointer: "/tokens/\(backing)/url")
                    )
                }
            }
            content.scenes.append(Scene(id: sceneID, name: "Scene \(sceneIndex + 1)", background: background))
        }
        content.blobs = Set(media.files.keys)
        return (content, notes)
    }

    private static func index(_ value: JSONValue, count: Int, at pointer: String) throws(GameImportError) -> Int {
        guard case .number(let number) = value, let index = number.intValue, (0..<count).contains(index) else {
            throw GameImportError(file: file, pointer: pointer, "must be the index of a token (0 to \(count - 1))")
        }
        return index
    }
}

/// One token of pyvtt's `game.json`, read leniently where pyvtt was lenient (numbers may be fractional) and
/// strictly where a wrong type would be a damaged file.
private struct PyvttToken {
    var imageNumber: Int?
    var assetName = ""
    var x: Double
    var y: Double
    var z: Int
    var size: Int
    var rotation: Double
    var flipped: Bool
    var locked: Bool
    var label: String

    init(_ json: JSONValue, at pointer: String) throws(GameImportError) {
        guard let object = json.objectValue else {
            throw GameImportError(file: PyvttGame.file, pointer: pointer, "must be a token object")
        }
        func number(_ key: String, default fallback: Double) throws(GameImportError) -> Double {
            guard let value = object[key] else { return fallback }
            guard case .number(let number) = value else {
                throw GameImportError(file: PyvttGame.file, pointer: "\(pointer)/\(key)", "must be a number")
            }
            return number.doubleValue
        }
        switch object["url"] {
        case .number(let number)?:
            guard let value = number.intValue, value >= 0 else {
                throw GameImportError(file: PyvttGame.file, pointer: "\(pointer)/url", "must be an image number")
            }
            imageNumber = value
        case .string(let name)?: assetName = name
        default:
            throw GameImportError(file: PyvttGame.file, pointer: "\(pointer)/url", "must be an image number or a name")
        }
        x = try number("posx", default: 0)
        y = try number("posy", default: 0)
        z = Int(try number("zorder", default: 0))
        size = Int(try number("size", default: 64))
        rotation = try number("rotate", default: 0)
        flipped = object["flipx"]?.boolValue ?? false
        locked = object["locked"]?.boolValue ?? false
        label = object["text"]?.stringValue ?? ""
    }

    /// pyvtt kept positions on its 1008×567 board and sizes in pixels; both are clamped into our limits.
    func token(id: TokenID, on sceneID: SceneID, image: BlobID, limits: TabletopLimits) -> Token {
        let turned = rotation.truncatingRemainder(dividingBy: 360)
        return Token(
            id: id,
            sceneID: sceneID,
            image: image,
            x: Int(min(max(x.rounded(), 0), Double(Scene.defaultWidth))),
            y: Int(min(max(y.rounded(), 0), Double(Scene.defaultHeight))),
            size: min(max(size, limits.tokenSizes.lowerBound), limits.tokenSizes.upperBound),
            rotation: turned < 0 ? turned + 360 : turned,
            flipped: flipped,
            label: String(label.prefix(limits.maxLabelLength)),
            locked: locked,
            z: z
        )
    }
}
