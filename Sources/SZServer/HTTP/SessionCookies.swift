import Foundation
import Hummingbird

/// The two cookies of a browser session: `sz_session` (HttpOnly, the secret) and `sz_csrf` (readable by the page's
/// scripts, echoed in `X-CSRF-Token`). Both are SameSite=Lax, and Secure whenever the public URL is https or a
/// trusted proxy reports that the client used https (a TLS-terminating proxy in front of plain HTTP).
public struct SessionCookies: Sendable {
    static let sessionName = "sz_session"
    static let csrfName = "sz_csrf"

    /// The public URL is https.
    let alwaysSecure: Bool

    func sessionToken(in request: Request) -> String? {
        guard let value = request.cookies[Self.sessionName]?.value, !value.isEmpty else { return nil }
        return value
    }

    func set(_ session: NewSession, on response: inout Response, origin: RequestOrigin) {
        let maxAge = Int(AccountService.sessionLifetime)
        let secure = isSecure(origin)
        response.setCookie(cookie(Self.sessionName, session.token, maxAge: maxAge, httpOnly: true, secure: secure))
        response.setCookie(cookie(Self.csrfName, session.csrfToken, maxAge: maxAge, httpOnly: false, secure: secure))
    }

    func clear(on response: inout Response, origin: RequestOrigin) {
        let secure = isSecure(origin)
        response.setCookie(cookie(Self.sessionName, "", maxAge: 0, httpOnly: true, secure: secure))
        response.setCookie(cookie(Self.csrfName, "", maxAge: 0, httpOnly: false, secure: secure))
    }

    private func isSecure(_ origin: RequestOrigin) -> Bool {
        alwaysSecure || origin.forwardedScheme == "https"
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int, httpOnly: Bool, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: httpOnly, sameSite: .lax)
    }
}
