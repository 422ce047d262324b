import Foundation
import SZTabletop
import Testing

@Suite("Hidden information")
struct VisibilityTests {
    let gm = Viewer(playerID: PlayerID("gm"), role: .gm)
    let ann = Viewer(playerID: PlayerID("ann"), role: .player)
    let sue = Viewer(playerID: PlayerID("sue"), role: .spectator)

    @Test("a player's snapshot holds the active scene and its visible tokens only")
    func snapshots() {
        let state = tableState()
        #expect(state.snapshot(for: gm).tokens.count == 6)
        #expect(state.snapshot(for: gm).scenes.count == 2)
        for viewer in [ann, sue] {
            let snapshot = state.snapshot(for: viewer)
            #expect(snapshot.scenes.map(\.id) == [SceneID("s1")])
            #expect(snapshot.tokens.map(\.id.rawValue) == ["gm-token", "ann-token", "bob-token", "locked-token"])
        }
    }

    @Test("no snapshot carries accounts, credentials or addresses")
    func noSecrets() throws {
        let json = TabletopProtocol.encode(
            .welcome(Welcome(playerID: PlayerID("gm"), sequence: 0, catchUp: .snapshot(tableState().snapshot(for: gm))))
        )
        for secret in ["account", "userID", "credential", "address", "gmUserID"] { #expect(!json.contains(secret)) }
    }

    @Test("hiding a token deletes it for the table; revealing creates it")
    func hideAndReveal() throws {
        let ids = [TokenID("ann-token")]
        let hidden = try tableState().applying(.editTokens(ids, .hidden(true)), by: .gm)
        let token = try #require(hidden.state.token("ann-token"))
        #expect(
            hidden.outcome.committed == [
                Published(.tokensUpdated([token]), to: .gameMasters),
                Published(.tokensDeleted(ids), to: .everyoneButGameMasters),
            ]
        )
        let revealed = try hidden.state.applying(.editTokens(ids, .hidden(false)), by: .gm)
        let shown = try #require(revealed.state.token("ann-token"))
        #expect(
            revealed.outcome.committed == [
                Published(.tokensUpdated([shown]), to: .gameMasters),
                Published(.tokensCreated([shown]), to: .everyoneButGameMasters),
            ]
        )
    }

    @Test("changes to hidden tokens and selections of them reach GMs only")
    func hiddenChanges() throws {
        let hiddenID = TokenID("hidden-token")
        let moved = try tableState().applying(.moveTokens([TokenMove(tokenID: hiddenID, x: 1, y: 1)]), by: .gm)
        #expect(moved.outcome.committed.map(\.audience) == [.gameMasters])
        let selection = try tableState().applying(.selectTokens([hiddenID, TokenID("ann-token")]), by: .gm)
        let colour = PlayerColour.of("#112233")
        #expect(
            selection.outcome.ephemeral == [
                Published(
                    .tokensSelected(by: PlayerID("gm"), colour: colour, [hiddenID, TokenID("ann-token")]),
                    to: .gameMasters
                ),
                Published(
                    .tokensSelected(by: PlayerID("gm"), colour: colour, [TokenID("ann-token")]),
                    to: .everyoneButGameMasters
                ),
            ]
        )
        let deleted = try tableState().applying(.deleteTokens([hiddenID]), by: .gm)
        #expect(deleted.outcome.committed == [Published(.tokensDeleted([hiddenID]), to: .gameMasters)])
    }

    @Test("audiences")
    func audiences() {
        #expect(Audience.gameMasters.includes(gm) && !Audience.gameMasters.includes(ann))
        #expect(!Audience.everyoneButGameMasters.includes(gm) && Audience.everyoneButGameMasters.includes(sue))
        #expect(
            Audience.gameMastersAnd(PlayerID("ann")).includes(ann)
                && !Audience.gameMastersAnd(PlayerID("ann")).includes(sue)
        )
    }
}
