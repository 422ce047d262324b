import Foundation
import JSONSchema
public import SZCore

/// The validation pipeline of a pack: every JSON document against its published schema, then the
/// rules a schema cannot express (ids and file names, `szType` per folder, field values and defaults
/// per type, `schemaVersion`, links inside the pack and into its dependencies, icons that exist).
/// Problems are collected, not thrown: the report lists all of them.
public struct PackValidator: Sendable {
    public var schemas: PackSchemas
    public var limits: ArchiveLimits

    public init(schemas: PackSchemas = .bundled, limits: ArchiveLimits = ArchiveLimits()) {
        self.schemas = schemas
        self.limits = limits
    }

    /// How far the pipeline is: documents done, documents in all, and the path of the last one.
    public typealias Progress = (_ done: Int, _ total: Int, _ path: String) -> Void

    /// Validates a pack's files. `dependencies` are the packs its dependencies may be chosen from (any
    /// number of versions of each); nil when none were supplied, in which case links into dependencies
    /// are not checked and the report says so once per dependency.
    ///
    /// The documents' bytes are released as they are read: pass the contents with `consume` when nothing
    /// else needs them, and a large pack is never held twice.
    public func validate(
        _ contents: consuming PackArchiveContents,
        dependencies: [Datapack]? = nil,
        progress: Progress? = nil
    ) -> PackValidationReport {
        var run = ValidationRun(validator: self, contents: contents)
        run.readDocuments(progress: progress)
        if let pack = run.readPack() {
            run.checkMedia(of: pack)
            run.checkLinks(of: pack, dependencies: dependencies)
        }
        return run.report()
    }
}

/// One pass of the pipeline over one pack.
private struct ValidationRun {
    let validator: PackValidator
    var contents: PackArchiveContents
    var problems: [ValidationProblem] = []
    var reader: DatapackReader?
    /// Whether every document read so far passed its schema and decoded; links are only checked then,
    /// since a link into a document in error would be reported as broken for the wrong reason.
    var documentsAreSound = true
    var selected: [PackManifest] = []
    var pack: Datapack?

    init(validator: PackValidator, contents: PackArchiveContents) {
        self.validator = validator
        self.contents = contents
    }

    mutating func readDocuments(progress: PackValidator.Progress?) {
        let documents = contents.files.indices.filter { PackContentRules.isJSON(contents.files[$0].path) }
        // The manifest goes first: how the other documents are read depends on its packType.
        let paths = contents.paths
        let isManifest = { (index: Int) in paths[index] == PackLayout.manifest }
        let ordered = documents.filter(isManifest) + documents.filter { !isManifest($0) }
        if !(ordered.first.map(isManifest) ?? false) {
            add(DatapackReader.missingManifest)
        }
        for (done, index) in ordered.enumerated() {
            readDocument(contents.files[index])
            // The manifest stays: callers store it as uploaded.
            if !isManifest(index) { contents.releaseBytes(at: index) }
            progress?(done + 1, ordered.count, paths[index])
        }
        for file in contents.files where !PackContentRules.isJSON(file.path) && !file.path.hasPrefix(PackLayout.media) {
            problems.append(
                ValidationProblem(
                    file: file.path,
                    pointer: .root,
                    severity: .warning,
                    message: "this file is not part of the pack format and is ignored; "
                        + "pack files are szpack.json, JSON documents under objects/ and media under media/"
                )
            )
        }
    }

    /// Parses one document, checks it against its schema and reads it into the pack; its JSON tree
    /// is dropped on return, so a large pack is never held in memory as JSON all at once.
    private mutating func readDocument(_ file: PackArchiveContents.File) {
        let json: JSONValue
        do throws(JSONParseError) {
            json = try JSONParser(maximumDepth: validator.limits.maximumJSONDepth).parse(file.bytes)
        } catch {
            documentsAreSound = false
            problems.append(
                ValidationProblem(
                    file: file.path,
                    pointer: .root,
                    message: "not valid JSON: line \(error.line), column \(error.column): \(error.message)"
                )
            )
            return
        }
        if let schema = validator.schemas.schema(forDocumentAt: file.path) {
            let result = schema.validate(json)
            if !result.isValid {
                documentsAreSound = false
                problems += result.errors.map { schemaProblem($0, in: file.path) }
                return
            }
        }
        do throws(DatapackDecodingError) {
            if file.path == PackLayout.manifest {
                reader = try DatapackReader(manifest: json)
            } else {
                try reader?.read(json, at: file.path)
            }
        } catch {
            documentsAreSound = false
            add(error)
        }
    }

    private func schemaProblem(_ error: JSONSchema.ValidationError, in path: String) -> ValidationProblem {
        let pointer = JSONPointer(error.instanceLocation) ?? .root
        return ValidationProblem(file: path, pointer: pointer, message: error.message)
    }

    mutating func readPack() -> Datapack? {
        guard let reader else { return nil }
        do throws(DatapackDecodingError) {
            pack = try reader.finish()
        } catch {
            documentsAreSound = false
            add(error)
            pack = reader.pack
        }
        return pack
    }

    /// Every icon must be an image in the pack; an image nothing names is most likely a mistake.
    mutating func checkMedia(of pack: Datapack) {
        let referenced = Set(pack.referencedImages)
        for image in referenced.sorted() where contents[image] == nil {
            problems.append(
                ValidationProblem(
                    file: image,
                    pointer: .root,
                    message: "an icon names this image, but the pack has no such file"
                )
            )
        }
        // A document in error names none of its icons, so its images would all look unused.
        guard documentsAreSound else { return }
        for file in contents.files where file.path.hasPrefix(PackLayout.images) && !referenced.contains(file.path) {
            problems.append(
                ValidationProblem(
                    file: file.path,
                    pointer: .root,
                    severity: .warning,
                    message: "no icon names this image"
                )
            )
        }
    }

    mutating func checkLinks(of pack: Datapack, dependencies: [Datapack]?) {
        guard documentsAreSound else {
            problems.append(
                ValidationProblem(
                    file: nil,
                    pointer: .root,
                    severity: .warning,
                    message: "links between documents were not checked: fix the errors above first"
                )
            )
            return
        }
        var loaded: [Datapack] = []
        var unchecked = Set(pack.manifest.dependencies.map(\.id))
        if let dependencies {
            do throws(PackSelectionError) {
                let chosen = try PackSelection().select(for: pack.manifest, among: dependencies.map(\.manifest))
                selected = chosen
                loaded = chosen.compactMap { manifest in
                    dependencies.first { $0.manifest.id == manifest.id && $0.manifest.version == manifest.version }
                }
                unchecked.subtract(loaded.map(\.manifest.id))
            } catch {
                problems.append(
                    ValidationProblem(
                        file: PackLayout.manifest,
                        pointer: JSONPointer.root.appending("dependencies"),
                        message: "the dependencies cannot be satisfied by the packs supplied:\n" + error.description
                    )
                )
            }
        }
        for (index, dependency) in pack.manifest.dependencies.enumerated() where unchecked.contains(dependency.id) {
            problems.append(
                ValidationProblem(
                    file: PackLayout.manifest,
                    pointer: JSONPointer.root.appending("dependencies").appending(index),
                    severity: .warning,
                    message: "links into \(dependency.name) (\(dependency.effectiveRange)) were not checked: "
                        + "the pack was not supplied (pass a folder holding it with --deps)"
                )
            )
        }
        do throws(PackCatalogError) {
            problems += try PackCatalog(loaded).validate(pack, skippingLinksInto: unchecked)
        } catch {
            problems.append(ValidationProblem(file: nil, pointer: .root, message: error.description))
        }
    }

    private mutating func add(_ error: DatapackDecodingError) {
        problems.append(ValidationProblem(error))
    }

    func report() -> PackValidationReport {
        PackValidationReport(
            problems: problems,
            pack: problems.contains { $0.severity == .error } ? nil : pack,
            dependencies: selected
        )
    }
}
