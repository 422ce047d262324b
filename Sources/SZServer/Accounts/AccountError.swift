/// Why an account operation was refused. `APIError` maps each case to an HTTP problem document.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request field breaks a rule; `field` is a JSON pointer such as `/name`.
    case invalidField(field: String, reason: String)
    case nameTaken(String)
    /// Unknown name or wrong password: deliberately the same answer for both.
    case wrongCredentials
    /// Too many failed logins lately for this account or this address.
    case tooManyAttempts(retryAfterSeconds: Int)
    case notAuthenticated
    case wrongCurrentPassword
    case tokenNotFound

    public var description: String {
        switch self {
        case .invalidField(let field, let reason): "\(field): \(reason)"
        case .nameTaken(let name): "the name \"\(name)\" is already taken"
        case .wrongCredentials: "unknown name or wrong password"
        case .tooManyAttempts(let seconds): "too many failed logins; try again in \(seconds) seconds"
        case .notAuthenticated: "not logged in"
        case .wrongCurrentPassword: "the current password is wrong"
        case .tokenNotFound: "no such token"
        }
    }
}
