public import JSONSchema

/// A datapack's documents as values: the manifest, the objects, and for a session pack (packType
/// `session`) its session record. `session` is present exactly when the manifest says `session`;
/// reading documents enforces it.
public struct Datapack: Sendable, Equatable {
    public var manifest: PackManifest
    public var datasets: [Dataset]
    public var characterTemplates: [CharacterTemplate]
    public var sessionTemplates: [SessionTemplate]
    public var session: SessionRecord?

    public init(
        manifest: PackManifest,
        datasets: [Dataset] = [],
        characterTemplates: [CharacterTemplate] = [],
        sessionTemplates: [SessionTemplate] = [],
        session: SessionRecord? = nil
    ) {
        self.manifest = manifest
        self.datasets = datasets
        self.characterTemplates = characterTemplates
        self.sessionTemplates = sessionTemplates
        self.session = session
    }

    public func dataset(id: String) -> Dataset? {
        datasets.first { $0.id == id }
    }

    public func characterTemplate(id: String) -> CharacterTemplate? {
        characterTemplates.first { $0.id == id }
    }

    public func sessionTemplate(id: String) -> SessionTemplate? {
        sessionTemplates.first { $0.id == id }
    }

    /// Every image the documents name, as paths inside the pack (`media/images/weapons/sword.svg`).
    public var referencedImages: [String] {
        let objectIcons =
            (datasets.map(\.metadata) + characterTemplates.map(\.metadata) + sessionTemplates.map(\.metadata))
            .compactMap(\.icon)
        let entryIcons = datasets.flatMap { $0.entries.compactMap(\.icon) }
        return Set(objectIcons + entryIcons).sorted().map { PackLayout.images + $0 }
    }

    /// The pack's JSON documents keyed by their path in the pack (media files are not documents).
    public var documents: [String: JSONValue] {
        var documents = [PackLayout.manifest: manifest.json]
        func add<Object: PackObject>(_ objects: [Object], in folder: String) {
            for object in objects { documents[PackLayout.path(in: folder, id: object.id)] = object.json }
        }
        add(datasets, in: PackLayout.datasets)
        add(characterTemplates, in: PackLayout.characterTemplates)
        add(sessionTemplates, in: PackLayout.sessionTemplates)
        if let session {
            documents[PackLayout.sessionState] = session.state.json
            for character in session.characters {
                documents[PackLayout.path(in: PackLayout.characters, id: character.id)] = character.json
            }
            for snapshot in session.snapshots { documents[snapshot.path] = snapshot.json }
        }
        return documents
    }

    /// Reads a pack from its parsed JSON documents keyed by path (every file outside `media/`). Each
    /// document must be where the layout puts it and named after its id; the first problem is thrown,
    /// naming the file.
    public init(documents: [String: JSONValue]) throws(DatapackDecodingError) {
        guard let manifestJSON = documents[PackLayout.manifest] else { throw DatapackReader.missingManifest }
        var reader = try DatapackReader(manifest: manifestJSON)
        for (path, json) in documents.sorted(by: { $0.key < $1.key }) where path != PackLayout.manifest {
            try reader.read(json, at: path)
        }
        self = try reader.finish()
    }
}

/// Sorts a pack's documents into a `Datapack` one at a time, checking each path against the layout, so
/// that a caller can drop each document's JSON once it is read and go on past a document in error.
public struct DatapackReader: Sendable {
    /// The documents read so far.
    public private(set) var pack: Datapack
    private var state: Instance?
    private var characters: [Instance] = []
    private var snapshots: [SessionSnapshot] = []

    public static let missingManifest = DatapackDecodingError(
        file: PackLayout.manifest,
        pointer: .root,
        message: "the pack has no szpack.json"
    )

    public init(manifest: JSONValue) throws(DatapackDecodingError) {
        pack = Datapack(manifest: try decode(manifest, file: PackLayout.manifest, as: PackManifest.init))
    }

    private var isSessionPack: Bool { pack.manifest.packType == .session }

    /// Reads the document at `path`, any document of the pack but its manifest.
    public mutating func read(_ json: JSONValue, at path: String) throws(DatapackDecodingError) {
        if path.hasPrefix(PackLayout.datasets) {
            pack.datasets.append(try decodeObject(json, at: path, folder: PackLayout.datasets, as: Dataset.init))
        } else if path.hasPrefix(PackLayout.characterTemplates) {
            let template = try decodeObject(
                json,
                at: path,
                folder: PackLayout.characterTemplates,
                as: CharacterTemplate.init
            )
            pack.characterTemplates.append(template)
        } else if path.hasPrefix(PackLayout.sessionTemplates) {
            let template = try decodeObject(
                json,
                at: path,
                folder: PackLayout.sessionTemplates,
                as: SessionTemplate.init
            )
            pack.sessionTemplates.append(template)
        } else if isSessionPack, path == PackLayout.sessionState {
            state = try decode(json, file: path) { json throws(DatapackDecodingError) in
                try Instance(json: json, kind: .session)
            }
        } else if isSessionPack, path.hasPrefix(PackLayout.characters) {
            let character = try decode(json, file: path) { json throws(DatapackDecodingError) in
                try Instance(json: json, kind: .character)
            }
            try requireNamedAfterID(path, folder: PackLayout.characters, id: character.id)
            characters.append(character)
        } else if isSessionPack, path.hasPrefix(PackLayout.snapshots) {
            let snapshot = try decode(json, file: path, as: SessionSnapshot.init)
            guard snapshot.path == path else {
                throw DatapackDecodingError(
                    file: path,
                    pointer: JSONPointer.root.appending("takenAt"),
                    message: "a snapshot is named after its takenAt with '-' for ':' (expected \(snapshot.path))"
                )
            }
            snapshots.append(snapshot)
        } else {
            throw DatapackDecodingError(file: path, pointer: .root, message: unexpectedFileMessage(path))
        }
    }

    private func unexpectedFileMessage(_ path: String) -> String {
        let sessionFolders = [PackLayout.sessionState, PackLayout.characters, PackLayout.snapshots]
        if !isSessionPack, sessionFolders.contains(where: { path.hasPrefix($0) }) {
            return "this document belongs in session packs only (packType \"session\" in szpack.json)"
        }
        var places = ["szpack.json", PackLayout.datasets, PackLayout.characterTemplates, PackLayout.sessionTemplates]
        if isSessionPack { places += sessionFolders }
        return "unexpected document; a pack's JSON documents are \(places.joined(separator: ", "))"
    }

    private func decodeObject<Object: PackObject>(
        _ json: JSONValue,
        at path: String,
        folder: String,
        as decode: (JSONValue) throws(DatapackDecodingError) -> Object
    ) throws(DatapackDecodingError) -> Object {
        let object = try SZCore.decode(json, file: path, as: decode)
        try requireNamedAfterID(path, folder: folder, id: object.id)
        return object
    }

    private func requireNamedAfterID(_ path: String, folder: String, id: String) throws(DatapackDecodingError) {
        let expected = PackLayout.path(in: folder, id: id)
        guard path == expected else {
            throw DatapackDecodingError(
                file: path,
                pointer: JSONPointer.root.appending("id"),
                message: "a document is named after its id \"\(id)\" (expected \(expected))"
            )
        }
    }

    /// The pack, once every document is read: a session pack must have its state by then.
    public func finish() throws(DatapackDecodingError) -> Datapack {
        var pack = pack
        if isSessionPack {
            guard let state else {
                throw DatapackDecodingError(
                    file: PackLayout.sessionState,
                    pointer: .root,
                    message: "a session pack needs its state document"
                )
            }
            pack.session = SessionRecord(state: state, characters: characters, snapshots: snapshots)
        }
        return pack
    }
}

/// Decodes one document, naming its file in the error.
private func decode<Document>(
    _ json: JSONValue,
    file: String,
    as decode: (JSONValue) throws(DatapackDecodingError) -> Document
) throws(DatapackDecodingError) -> Document {
    do {
        return try decode(json)
    } catch {
        throw error.inFile(file)
    }
}
