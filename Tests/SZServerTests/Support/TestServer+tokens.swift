import HTTPTypes
import JSONSchema
import SZServer
import Testing

extension TestServer {
    /// Creates a personal API token for a logged-in browser and returns the Authorization header that sends it.
    func bearer(for session: BrowserSession) async throws -> HTTPFields {
        let created = try await post("/api/v1/me/tokens", json: #"{"name": "test"}"#, headers: session.headers)
        let token = try #require(try created.json["token"]?.stringValue)
        return [.authorization: "Bearer \(token)"]
    }
}

extension ServerSettings {
    /// Behind a TLS-terminating reverse proxy at https://vtt.example.org.
    static var behindProxy: ServerSettings {
        var settings = ServerSettings.defaults
        settings.hosting.reverse = true
        settings.hosting.hostingURL = "https://vtt.example.org"
        return settings
    }
}
