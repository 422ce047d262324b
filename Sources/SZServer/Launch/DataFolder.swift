import Foundation

/// The folder that holds everything the server keeps: `settings.json`, `sessionzero.sqlite`, `ssl/`, `fancyurl/`,
/// later blobs.
public struct DataFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// `$XDG_DATA_HOME/sessionzero`, else `~/.local/share/sessionzero`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/sessionzero" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/sessionzero"
    }

    public var settingsFile: String { path + "/settings.json" }
    public var tlsCertificateFile: String { path + "/ssl/cacert.pem" }
    public var tlsPrivateKeyFile: String { path + "/ssl/privkey.pem" }
    /// Word lists that replace the shipped ones of fancy URLs.
    public var fancyURLFolder: String { path + "/fancyurl" }

    /// Creates the folder (readable by its owner only, since it holds secrets) when it does not exist yet.
    public func create() throws(DataFolderError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DataFolderError("\(path) exists but is not a folder; choose another one with --data")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw DataFolderError(
                "cannot create the data folder \(path) (\(error.localizedDescription)); choose another one with --data"
            )
        }
    }

    /// Reads `settings.json`, writing the default one first when there is none. Returns whether it was created.
    public func loadSettings(
        environment: [String: String]
    ) throws(DataFolderError) -> (parsed: ServerSettings.Parsed, created: Bool) {
        let created = !FileManager.default.fileExists(atPath: settingsFile)
        if created {
            guard
                FileManager.default.createFile(
                    atPath: settingsFile,
                    contents: Data(ServerSettings.defaultFileText.utf8),
                    attributes: [.posixPermissions: 0o600]
                )
            else { throw DataFolderError("cannot write \(settingsFile); check the folder's permissions") }
        }
        guard let data = FileManager.default.contents(atPath: settingsFile) else {
            throw DataFolderError("cannot read \(settingsFile); check its permissions")
        }
        do {
            return (
                try ServerSettings.parse(
                    String(decoding: data, as: UTF8.self),
                    fileName: settingsFile,
                    environment: environment
                ), created
            )
        } catch {
            throw DataFolderError(error.description)
        }
    }

    /// The certificate chain and private key for direct TLS, or the message that says which file is missing.
    public func tlsFiles() throws(DataFolderError) -> (certificate: String, privateKey: String) {
        let missing = [tlsCertificateFile, tlsPrivateKeyFile].filter { !FileManager.default.isReadableFile(atPath: $0) }
        guard missing.isEmpty else {
            throw DataFolderError(
                "hosting.ssl is true but \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") missing or unreadable; "
                    + "put the certificate chain in ssl/cacert.pem and its private key in ssl/privkey.pem inside \(path), "
                    + "or set hosting.ssl to false (a reverse proxy can do TLS instead)"
            )
        }
        return (tlsCertificateFile, tlsPrivateKeyFile)
    }
}

/// The data folder or a file in it cannot be used; the message names the path and the fix.
public struct DataFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
