import Foundation
public import SZCore

/// The word lists of fancy URLs: the shipped ones, each replaced by `fancyurl/verbs.txt`, `adjectives.txt` or
/// `nouns.txt` in the data folder when that file exists (pyvtt's layout).
public enum FancyURLWordFiles {
    public static let names = ["verbs", "adjectives", "nouns"]

    /// Reads and checks the lists; an unusable file is an input error naming the file and line.
    public static func load(dataFolder: DataFolder) throws(DataFolderError) -> FancyURLGenerator {
        try load(overridesIn: dataFolder.fancyURLFolder)
    }

    /// The shipped lists alone, for servers built without a data folder (tests).
    public static func shipped() throws(DataFolderError) -> FancyURLGenerator {
        try load(overridesIn: nil)
    }

    private static func load(overridesIn folder: String?) throws(DataFolderError) -> FancyURLGenerator {
        var lists: [FancyURLWordList] = []
        for name in names {
            let override = folder.map { $0 + "/\(name).txt" }
            let path: String
            if let override, FileManager.default.fileExists(atPath: override) {
                path = override
            } else if let shipped = Bundle.module.path(forResource: name, ofType: "txt", inDirectory: "fancyurl") {
                path = shipped
            } else {
                throw DataFolderError("the word list fancyurl/\(name).txt is missing from the SZServer resources")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DataFolderError("cannot read \(path); check its permissions")
            }
            do {
                lists.append(try FancyURLWordList(parsing: String(decoding: data, as: UTF8.self), file: path))
            } catch {
                throw DataFolderError(error.description)
            }
        }
        return FancyURLGenerator(verbs: lists[0], adjectives: lists[1], nouns: lists[2])
    }
}
