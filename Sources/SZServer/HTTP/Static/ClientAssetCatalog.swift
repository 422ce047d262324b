import Crypto
import Foundation

/// The browser client: every file of SZServer's `Client` resource folder, read and compressed once at start, the
/// version that names them in URLs, and the app shell (`index.html`) pointing at that version.
///
/// Files are served as `/app/{version}/{path}`. The version is a hash over every path and content, so any change
/// to any file gives every file a new URL: ES modules import each other by relative URL and need no build step,
/// yet browsers may cache all of them for a year. Requests are answered from memory, so no URL reaches the disk.
struct ClientAssetCatalog: Sendable {
    static let shellPath = "index.html"
    /// The shell names its scripts and styles as `{{base}}/js/main.js`; the catalog fills in `/app/{version}`.
    static let basePlaceholder = "{{base}}"

    let version: String
    let files: [String: ClientAsset]
    let shell: ClientAsset

    var basePath: String { "/app/\(version)" }

    init(folder: URL) throws(ClientAssetError) {
        let contents = try Self.read(folder: folder)
        var hasher = SHA256()
        for (path, bytes) in contents.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Array(path.utf8) + [0] + Array(String(bytes.count).utf8) + [0])
            hasher.update(data: bytes)
        }
        version = String(ClientAsset.hex(hasher.finalize()).prefix(16))
        guard let template = contents[Self.shellPath] else { throw .missingShell(folder.path) }
        let shellText = String(decoding: template, as: UTF8.self)
            .replacingOccurrences(of: Self.basePlaceholder, with: "/app/\(version)")
        shell = ClientAsset(bytes: Array(shellText.utf8), contentType: "text/html; charset=utf-8")
        var files: [String: ClientAsset] = [:]
        for (path, bytes) in contents where path != Self.shellPath {
            guard let type = ClientAsset.contentType(ofPath: path) else { throw .unknownType(path) }
            files[path] = ClientAsset(bytes: bytes, contentType: type)
        }
        self.files = files
    }

    /// The catalog of the bundled client, built once per process (compressing takes a moment).
    static func bundled() throws(ClientAssetError) -> ClientAssetCatalog {
        try bundledCatalog.get()
    }

    private static let bundledCatalog = Result { () throws(ClientAssetError) -> ClientAssetCatalog in
        guard let folder = Bundle.module.url(forResource: "Client", withExtension: nil) else { throw .missingFolder }
        return try ClientAssetCatalog(folder: folder)
    }

    private static func read(folder: URL) throws(ClientAssetError) -> [String: [UInt8]] {
        let root = folder.standardizedFileURL.path
        guard
            let walker = FileManager.default.enumerator(
                at: folder,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else { throw .unreadable(root) }
        var contents: [String: [UInt8]] = [:]
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count).drop { $0 == "/" })
            guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(url.path) }
            contents[path] = Array(data)
        }
        return contents
    }
}

/// The client's resource folder is broken; only a broken build or an edited installation can cause this.
enum ClientAssetError: Error, CustomStringConvertible {
    case missingFolder
    case missingShell(String)
    case unreadable(String)
    case unknownType(String)

    var description: String {
        switch self {
        case .missingFolder: "the browser client folder Client is missing from the SZServer resources"
        case .missingShell(let folder): "the browser client in \(folder) has no index.html"
        case .unreadable(let path): "cannot read the browser client file \(path)"
        case .unknownType(let path):
            "the browser client file \(path) has an extension the server has no media type for"
        }
    }
}
