import Foundation
import SZDice
import Testing

@Suite struct CodableTests {
    @Test func rollSurvivesAJSONRoundTrip() throws {
        let result = try roll("4d6kh3 + 1d6r1!![fire] # test", faces: [6, 4, 3, 1, 1, 6, 2])
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(DiceRoll.self, from: data) == result)
    }

    @Test func jsonNamesTheDieStatus() throws {
        let result = try roll("2d20kl1", faces: [15, 8])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(result.terms[0].dice[0]), as: UTF8.self)
        #expect(json == #"{"exploded":false,"faces":[15],"reachedLimit":false,"status":"dropped","value":15}"#)
    }
}
