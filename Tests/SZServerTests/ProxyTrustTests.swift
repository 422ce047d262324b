import HTTPTypes
import SZServer
import Testing

@Suite("Forwarded headers from a reverse proxy")
struct ProxyTrustTests {
    let behindProxy = ProxyTrust(trustsProxy: true)

    func headers(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return fields
    }

    @Test("Behind a proxy the last X-Forwarded-For entry of a loopback or unix-socket peer is the client")
    func trustedPeer() {
        let forwarded = headers([
            ("X-Forwarded-For", "198.51.100.9, 203.0.113.7"), ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "vtt.example.org"),
        ])
        for peer in [nil, "127.0.0.1", "::1"] as [String?] {
            let origin = behindProxy.origin(of: forwarded, peer: peer)
            #expect(origin.clientAddress == "203.0.113.7")
            #expect(origin.forwardedScheme == "https")
            #expect(origin.forwardedHost == "vtt.example.org")
            #expect(origin.viaTrustedProxy)
            #expect(!origin.isLocal)
        }
    }

    @Test("A forged X-Forwarded-For from a peer that is not the proxy is ignored")
    func forgedFromStranger() {
        let forged = headers([("X-Forwarded-For", "127.0.0.1"), ("X-Forwarded-Proto", "https")])
        let origin = behindProxy.origin(of: forged, peer: "203.0.113.50")
        #expect(origin.clientAddress == "203.0.113.50")
        #expect(origin.forwardedScheme == nil)
        #expect(!origin.viaTrustedProxy)
        #expect(!origin.isLocal)
    }

    @Test("Without hosting.reverse every forwarded header is ignored, even from loopback")
    func notBehindProxy() {
        let forged = headers([("X-Forwarded-For", "203.0.113.7"), ("Forwarded", "for=203.0.113.8")])
        let origin = ProxyTrust(trustsProxy: false).origin(of: forged, peer: "127.0.0.1")
        #expect(origin.clientAddress == "127.0.0.1")
        #expect(origin.isLocal)
        #expect(ProxyTrust(trustsProxy: false).origin(of: forged, peer: nil).clientAddress == "local")
    }

    @Test(
        "Forwarded (RFC 7239) is read when there is no X-Forwarded-For",
        arguments: [
            ("for=192.0.2.60;proto=https;host=vtt.example.org", "192.0.2.60", "https", "vtt.example.org"),
            (#"for=192.0.2.1, for="[2001:db8:cafe::17]:4711";proto=http"#, "2001:db8:cafe::17", "http", nil),
            ("for=192.0.2.43:8080", "192.0.2.43", nil, nil),
        ] as [(String, String, String?, String?)]
    )
    func forwardedHeader(value: String, client: String, scheme: String?, host: String?) {
        let origin = behindProxy.origin(of: headers([("Forwarded", value)]), peer: "127.0.0.1")
        #expect(origin.clientAddress == client)
        #expect(origin.forwardedScheme == scheme)
        #expect(origin.forwardedHost == host)
    }

    @Test("X-Forwarded-For wins over Forwarded, whose values are then ignored")
    func familiesDoNotMix() {
        let both = headers([("Forwarded", "for=192.0.2.60;proto=https"), ("X-Forwarded-For", "203.0.113.7")])
        let origin = behindProxy.origin(of: both, peer: nil)
        #expect(origin.clientAddress == "203.0.113.7")
        #expect(origin.forwardedScheme == nil)
    }

    @Test(
        "Values that are no address, scheme or host are ignored",
        arguments: [
            ("X-Forwarded-For", "unknown"), ("X-Forwarded-For", "<script>"), ("X-Forwarded-For", ""),
        ]
    )
    func insaneAddress(name: String, value: String) {
        let origin = behindProxy.origin(
            of: headers([(name, value), ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "a b/c")]),
            peer: "127.0.0.1"
        )
        #expect(origin.clientAddress == "127.0.0.1")
        #expect(origin.forwardedScheme == nil)
        #expect(origin.forwardedHost == nil)
    }
}
