import SZPacks

/// Sample files and archives for the game import and export tests.
enum GameArchives {
    /// A 3×2 PNG: signature and IHDR are all the server reads; `seed` makes different bytes.
    static func png(_ seed: UInt8 = 0) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0, 0x5C, 0x72, 0xA8, seed]
    }

    /// An Ogg page starting an Opus stream.
    static let opus: [UInt8] =
        Array("OggS".utf8) + [0, 2] + Array(repeating: 0, count: 20) + [1, 19]
        + Array("OpusHead".utf8) + [1, 2, 0x38, 1, 0x80, 0xBB, 0, 0, 0, 0, 0]

    /// An MP3 behind an ID3v2 tag of 4 bytes.
    static let mp3: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 4] + [0, 0, 0, 0] + [0xFF, 0xFB, 0x90, 0x64]

    /// A ZIP written by the pack writer, without a manifest.
    static func zip(_ files: [String: [UInt8]]) throws -> [UInt8] {
        try PackArchiveWriter(requiresManifest: false).write(PackArchiveContents(files: files)).bytes
    }

    /// A pyvtt export: two scenes, the first with a background and two tokens, the second with a shipped asset.
    static func pyvtt(withoutImage missing: Int? = nil) throws -> [UInt8] {
        let json = """
            {"tokens": [
              {"url": 0, "posx": 504, "posy": 283, "zorder": 0, "size": -1, "rotate": 0, "flipx": false,
               "locked": true, "text": "", "color": "#ffffff"},
              {"url": 1, "posx": 100.5, "posy": 2000, "zorder": 3, "size": 80, "rotate": -90, "flipx": true,
               "locked": false, "text": "Goblin", "color": "#ff0000"},
              {"url": 2, "posx": 300, "posy": 200, "zorder": 1, "size": 60, "rotate": 0, "flipx": false,
               "locked": false, "text": "", "color": "#00ff00"},
              {"url": "crystal", "posx": 10, "posy": 10, "zorder": 0, "size": 40, "rotate": 0, "flipx": false,
               "locked": false, "text": "", "color": "#0000ff"}
            ],
            "scenes": [{"tokens": [0, 1, 2], "backing": 0}, {"tokens": [3], "backing": null}]}
            """
        var files: [String: [UInt8]] = ["game.json": Array(json.utf8)]
        for number in 0..<3 where number != missing { files["\(number).png"] = png(UInt8(number)) }
        return try zip(files)
    }
}

/// ZIPs our writer refuses to make: stored entries with any name and any declared sizes.
struct RawZip {
    struct Entry {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        /// The uncompressed size the headers claim; the real size when nil.
        var declaredSize: Int?
    }

    var entries: [Entry]

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.data)
            let size = UInt32(entry.declaredSize ?? entry.data.count)
            var common: [UInt8] = []
            common += le16(20) + le16(0x0800) + le16(entry.method) + le16(0) + le16(0x21)
            common += le32(crc) + le32(UInt32(entry.data.count)) + le32(size) + le16(UInt16(name.count)) + le16(0)
            out += le32(0x0403_4B50) + common + name + entry.data
            central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0)
            central += le32(UInt32(offset)) + name
        }
        let directoryOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
