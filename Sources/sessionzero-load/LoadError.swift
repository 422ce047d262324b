/// Why a load run could not be carried out (as opposed to what it measured).
enum LoadError: Error, CustomStringConvertible {
    case http(request: String, status: UInt, body: String)
    case missing(String, in: String)
    case socketClosed
    case notUpgraded(path: String)
    case refused(String, frame: String)

    var description: String {
        switch self {
        case .http(let request, let status, let body): "\(request) answered \(status): \(body.prefix(300))"
        case .missing(let what, let response): "\(response) did not hold \(what)"
        case .socketClosed: "the server closed a player's WebSocket during the setup"
        case .notUpgraded(let path): "the server did not open a WebSocket at \(path)"
        case .refused(let what, let frame): "the server refused \(what): \(frame.prefix(300))"
        }
    }
}
