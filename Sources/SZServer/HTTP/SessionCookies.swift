import Foundation
import Hummingbird

/// The two cookies of a browser session: `sz_session` (HttpOnly, the secret) and `sz_csrf` (readable by the page's
/// scripts, echoed in `X-CSRF-Token`). Both are SameSite=Lax, and Secure whenever the public URL is https.
public struct SessionCookies: Sendable {
    static let sessionName = "sz_session"
    static let csrfName = "sz_csrf"

    let secure: Bool

    func sessionToken(in request: Request) -> String? {
        guard let value = request.cookies[Self.sessionName]?.value, !value.isEmpty else { return nil }
        return value
    }

    func set(_ session: NewSession, on response: inout Response) {
        let maxAge = Int(AccountService.sessionLifetime)
        response.setCookie(cookie(Self.sessionName, session.token, maxAge: maxAge, httpOnly: true))
        response.setCookie(cookie(Self.csrfName, session.csrfToken, maxAge: maxAge, httpOnly: false))
    }

    func clear(on response: inout Response) {
        response.setCookie(cookie(Self.sessionName, "", maxAge: 0, httpOnly: true))
        response.setCookie(cookie(Self.csrfName, "", maxAge: 0, httpOnly: false))
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int, httpOnly: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: httpOnly, sameSite: .lax)
    }
}
