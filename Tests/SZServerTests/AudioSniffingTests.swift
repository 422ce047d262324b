import Testing

@testable import SZServer

@Suite("Audio is recognised by its bytes")
struct AudioSniffingTests {
    @Test("MP3 with and without ID3, Ogg Opus and Vorbis, WAV and FLAC")
    func kinds() throws {
        #expect(try SniffedAudio.sniff(GameArchives.mp3).kind == .mp3)
        #expect(try SniffedAudio.sniff([0xFF, 0xFB, 0x90, 0x64, 0, 0]).kind == .mp3)
        #expect(try SniffedAudio.sniff(GameArchives.opus).kind == .ogg)
        let vorbis = Array("OggS".utf8) + Array(repeating: 0, count: 22) + [1, 30, 1] + Array("vorbis".utf8)
        #expect(try SniffedAudio.sniff(vorbis).kind == .ogg)
        #expect(try SniffedAudio.sniff(Array("RIFF\0\0\0\0WAVEfmt ".utf8)).kind == .wav)
        #expect(try SniffedAudio.sniff(Array("fLaC\0\0\0\"".utf8)).kind == .flac)
    }

    @Test("lying and damaged files are refused with what is wrong")
    func refusals() {
        #expect(throws: AudioError.unsupported(firstBytes: Array("<html>".utf8))) {
            try SniffedAudio.sniff(Array("<html>".utf8))
        }
        let theora = Array("OggS".utf8) + Array(repeating: 0, count: 22) + [1, 30, 0x80] + Array("theora".utf8)
        #expect(throws: AudioError.damaged(.ogg, "holds neither Opus nor Vorbis audio (its first packet at byte 28)")) {
            try SniffedAudio.sniff(theora)
        }
        let tagOnly = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]
        #expect(throws: AudioError.damaged(.mp3, "has no MPEG audio frame after its ID3 tag, at byte 14")) {
            try SniffedAudio.sniff(tagOnly)
        }
        #expect(throws: AudioError.self) { try SniffedAudio.sniff(Array("RIFF\0\0\0\0AVI ".utf8)) }
    }
}
