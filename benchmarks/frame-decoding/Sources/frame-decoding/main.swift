import SZTabletop

/// The frames the load generator sends: 90 % moves of one token, 10 % rolls.
let frames = [
    (
        "token.move",
        #"{"type":"token.move","clientID":"c123","moves":[{"tokenID":"t-7d0c3f0e-1a2b-4c5d-8e9f-001122334455","x":1234,"y":567}]}"#
    ),
    ("dice.roll", #"{"type":"dice.roll","clientID":"c124","formula":"1d20+5"}"#),
]
let decodes = 100_000
let clock = ContinuousClock()

for (name, text) in frames {
    // The best of five rounds: the machine's other work only ever adds time.
    var best = Duration.seconds(3600)
    for _ in 0..<5 {
        let elapsed = try clock.measure {
            for _ in 0..<decodes { _ = try TabletopProtocol.decodeClientMessage(text) }
        }
        best = min(best, elapsed)
    }
    let microseconds = Double(best.components.attoseconds) / 1e12 + Double(best.components.seconds) * 1e6
    let perDecode = (microseconds / Double(decodes) * 1000).rounded() / 1000
    print(#"{"frame":"\#(name)","decodes":\#(decodes),"us_per_decode":\#(perDecode)}"#)
}
