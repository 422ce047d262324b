import SZTabletop

/// Runs `body` `count` times in each of five rounds and prints the best round's time per run: the machine's other
/// work only ever adds time.
func measure(_ name: String, count: Int = 100_000, _ body: () throws -> Void) throws {
    let clock = ContinuousClock()
    var best = Duration.seconds(3600)
    for _ in 0..<5 {
        best = min(best, try clock.measure { for _ in 0..<count { try body() } })
    }
    let microseconds = Double(best.components.attoseconds) / 1e12 + Double(best.components.seconds) * 1e6
    let perRun = (microseconds / Double(count) * 1000).rounded() / 1000
    print(#"{"message":"\#(name)","runs":\#(count),"us_per_run":\#(perRun)}"#)
}

// The frames the load generator sends (90 % moves of one token, 10 % rolls) and the event a move causes.
let move =
    #"{"type":"token.move","clientID":"c123","moves":[{"tokenID":"t-7d0c3f0e-1a2b-4c5d-8e9f-001122334455","x":1234,"y":567}]}"#
let roll = #"{"type":"dice.roll","clientID":"c124","formula":"1d20+5"}"#
let moved = Token(
    id: TokenID("t-7d0c3f0e-1a2b-4c5d-8e9f-001122334455"),
    sceneID: SceneID("s-0a1b2c3d-4e5f-6789-abcd-ef0123456789"),
    image: try BlobID(hex: String(repeating: "8e", count: 32)),
    x: 1234,
    y: 567,
    label: "Wolf",
    z: 3,
    owner: PlayerID("p-4a5b6c7d-8e9f-0a1b-2c3d-4e5f60718293")
)

try measure("decode token.move") { _ = try TabletopProtocol.decodeClientMessage(move) }
try measure("decode dice.roll") { _ = try TabletopProtocol.decodeClientMessage(roll) }
try measure("encode token.updated") { _ = TabletopProtocol.encode(.event(sequence: 42, .tokensUpdated([moved]))) }
