import Hummingbird
import NIOCore

/// An upload's bytes, read up to a `file_limit` cap of settings.json; past it the answer is 413 naming the setting.
enum UploadBody {
    static func collect(
        _ request: Request,
        mebibytes: Int,
        slug: String,
        what: String,
        setting: String
    ) async throws -> [UInt8] {
        do {
            return Array(buffer: try await request.body.collect(upTo: mebibytes * 1024 * 1024))
        } catch {
            throw tooLarge(slug: slug, what: what, mebibytes: mebibytes, setting: setting)
        }
    }

    /// `what` names the upload in the detail: "a token image may be at most 2 MiB (file_limit.token …)".
    static func tooLarge(slug: String, what: String, mebibytes: Int, setting: String) -> APIError {
        APIError(
            status: .contentTooLarge,
            slug: slug,
            title: "The upload is too large",
            detail: "\(what) may be at most \(mebibytes) MiB (file_limit.\(setting) in settings.json)"
        )
    }
}
