/// What an uploaded track really is, read from its first bytes; the claimed type and name are ignored (pyvtt
/// stored any bytes sent as `audio/*` and served them as MP3).
struct SniffedAudio: Equatable, Sendable {
    enum Kind: String, Sendable {
        case mp3, ogg, wav, flac

        var mediaType: String {
            switch self {
            case .mp3: "audio/mpeg"
            case .ogg: "audio/ogg"
            case .wav: "audio/wav"
            case .flac: "audio/flac"
            }
        }

        var fileExtension: String { rawValue }
    }

    let kind: Kind

    static func sniff(_ bytes: [UInt8]) throws(AudioError) -> SniffedAudio {
        if bytes.starts(with: Array("fLaC".utf8)) { return SniffedAudio(kind: .flac) }
        if bytes.starts(with: Array("RIFF".utf8)) {
            guard matches("WAVE", in: bytes, at: 8) else { throw .unsupported(firstBytes: Array(bytes.prefix(12))) }
            return SniffedAudio(kind: .wav)
        }
        if bytes.starts(with: Array("OggS".utf8)) { return SniffedAudio(kind: try oggAudio(bytes)) }
        var frameOffset = 0
        if bytes.starts(with: Array("ID3".utf8)) {
            // The tag's size is four 7-bit bytes after the version and flags; a footer adds 10 bytes.
            guard bytes.count >= 10, bytes[6..<10].allSatisfy({ $0 < 0x80 }) else {
                throw .damaged(.mp3, "has an ID3 tag whose size at byte 6 is not a syncsafe integer")
            }
            let size = bytes[6..<10].reduce(0) { $0 << 7 | Int($1) }
            frameOffset = 10 + size + (bytes[5] & 0x10 != 0 ? 10 : 0)
        }
        if isMPEGFrameHeader(bytes, at: frameOffset) { return SniffedAudio(kind: .mp3) }
        if frameOffset > 0 { throw .damaged(.mp3, "has no MPEG audio frame after its ID3 tag, at byte \(frameOffset)") }
        throw .unsupported(firstBytes: Array(bytes.prefix(8)))
    }

    /// An Ogg stream is audio when its first packet is an Opus or a Vorbis identification header.
    private static func oggAudio(_ bytes: [UInt8]) throws(AudioError) -> Kind {
        guard bytes.count > 27 else { throw .damaged(.ogg, "ends inside its first page header") }
        let packet = 27 + Int(bytes[26])
        if matches("OpusHead", in: bytes, at: packet) { return .ogg }
        if bytes.count > packet, bytes[packet] == 1, matches("vorbis", in: bytes, at: packet + 1) { return .ogg }
        throw .damaged(.ogg, "holds neither Opus nor Vorbis audio (its first packet at byte \(packet))")
    }

    /// Frame sync (11 set bits), a known MPEG version and layer, a usable bitrate and sample rate.
    private static func isMPEGFrameHeader(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + 4 <= bytes.count else { return false }
        let second = bytes[offset + 1]
        let third = bytes[offset + 2]
        return bytes[offset] == 0xFF && second & 0xE0 == 0xE0 && second & 0x18 != 0x08 && second & 0x06 != 0
            && third >> 4 != 0x0F && third & 0x0C != 0x0C
    }

    private static func matches(_ text: String, in bytes: [UInt8], at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset >= 0 && offset + expected.count <= bytes.count
            && bytes[offset..<offset + expected.count].elementsEqual(expected)
    }
}

enum AudioError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsupported(firstBytes: [UInt8])
    case damaged(SniffedAudio.Kind, String)

    var description: String {
        switch self {
        case .unsupported(let bytes):
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
            return "the file is not MP3, Ogg (Opus or Vorbis), WAV or FLAC audio (it starts with \(hex)); "
                + "whatever its name says"
        case .damaged(let kind, let problem): return "the \(kind.rawValue.uppercased()) file is damaged: it \(problem)"
        }
    }
}
