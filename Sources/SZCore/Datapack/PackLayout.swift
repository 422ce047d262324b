/// Where each document lives in a pack folder or `.szp` archive (§5.1, plus the session folders of §5.8).
/// Objects and characters are stored as `<folder><id>.json`.
public enum PackLayout {
    public static let manifest = "szpack.json"
    /// Media files (images, later audio); anything else outside the documents is not part of a pack.
    public static let media = "media/"
    /// Images named by `icon` keys, which are relative to this folder.
    public static let images = "media/images/"
    public static let datasets = "objects/datasets/"
    public static let characterTemplates = "objects/character-templates/"
    public static let sessionTemplates = "objects/session-templates/"
    /// Session packs only: the current state of the game.
    public static let sessionState = "objects/sessions/state.json"
    /// Session packs only: the characters in play.
    public static let characters = "objects/characters/"
    /// Session packs only: `snapshots/<takenAt with ':' written as '-'>.json`.
    public static let snapshots = "snapshots/"

    /// `objects/datasets/items.json` for folder `objects/datasets/` and id `items`.
    static func path(in folder: String, id: String) -> String {
        folder + id + ".json"
    }
}
