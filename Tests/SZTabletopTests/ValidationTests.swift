import SZTabletop
import Testing

@Suite("Values checked on the server")
struct ValidationTests {
    @Test("colours are #rrggbb, stored lower-case", arguments: ["#A1b2C3", "#000000", "#ffffff"])
    func goodColours(text: String) throws {
        #expect(try PlayerColour(text).hex == text.lowercased())
    }

    @Test(
        "anything else is refused, naming the field",
        arguments: ["red", "#12345", "#12345g", "#1234567", "", #"red);" onmouseover="alert(1)"#]
    )
    func badColours(text: String) {
        #expect {
            try PlayerColour(text)
        } throws: { error in
            guard case .invalid(let field, let reason) = error as? RoomError else { return false }
            return field == "colour" && reason.hasPrefix("must be a colour written #rrggbb")
        }
    }

    @Test("blob ids are SHA-256 hex, never URLs")
    func blobIDs() {
        #expect(throws: RoomError.invalid(field: "image", reason: "must be a SHA-256 as 64 lower-case hex digits")) {
            try BlobID(hex: "https://tracker.example/pixel.png")
        }
        #expect(throws: Never.self) { try BlobID(hex: String(repeating: "0f", count: 32)) }
    }

    @Test("names are unique in a game whatever their case; only the GM account is GM; banned accounts stay out")
    func joining() throws {
        let newcomer = Player(id: PlayerID("p9"), name: "  aNN ", colour: .of("#123456"), role: .player)
        #expect(throws: RoomError.conflict("the name \"aNN\" is already taken in this game")) {
            try tableState().joining(newcomer)
        }
        var impostor = newcomer
        impostor.name = "Boss"
        impostor.role = .gm
        #expect(throws: RoomError.forbidden("only the game's own GM account may join as GM")) {
            try tableState().joining(impostor)
        }
        let banned = try tableState().applying(.setStanding(PlayerID("ann"), .banned), by: .gm).state
        var returning = newcomer
        returning.name = "Anne"
        returning.userID = UserID("ann-account")
        #expect(throws: RoomError.forbidden("this account is banned from this game")) { try banned.joining(returning) }
        var guest = newcomer
        guest.name = "Zed"
        let joined = try tableState().joining(guest)
        #expect(joined.outcome.committed == [Published(.playerJoined(guest.info), to: .everyone)])
        #expect(throws: RoomError.invalid(field: "name", reason: "is 31 characters long; at most 30")) {
            var long = guest
            long.name = String(repeating: "z", count: 31)
            return try tableState().joining(long)
        }
    }
}
