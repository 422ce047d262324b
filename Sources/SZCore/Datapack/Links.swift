public import Foundation
public import JSONSchema

/// Points at a dataset in a pack. `version` is the version of that pack the link was made against
/// (for a link inside the same pack, the pack's own version); which version is loaded is decided by
/// the dependencies in `szpack.json`.
public struct DatasetLink: Sendable, Hashable {
    public var datapackId: UUID
    public var datasetId: String
    /// A semantic version, validated on decoding; the resolver's `SemanticVersion` parses it.
    public var version: String

    public init(datapackId: UUID, datasetId: String, version: String) {
        self.datapackId = datapackId
        self.datasetId = datasetId
        self.version = version
    }

    /// The dataset a link names, whatever version it was made against.
    struct Target: Hashable {
        let datapackId: UUID
        let datasetId: String
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> DatasetLink {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["datapackId", "datasetId", "version"])
        return DatasetLink(
            datapackId: try reader.required("datapackId", Decode.packID),
            datasetId: try reader.required("datasetId", Decode.identifier),
            version: try reader.required("version", Decode.semanticVersion)
        )
    }

    public var json: JSONValue {
        [
            "datapackId": .string(datapackId.packIDString), "datasetId": .string(datasetId),
            "version": .string(version),
        ]
    }
}

/// Points at a character template in a pack; `version` as in `DatasetLink`.
public struct CharacterTemplateLink: Sendable, Hashable {
    public var datapackId: UUID
    public var templateId: String
    /// A semantic version, validated on decoding; the resolver's `SemanticVersion` parses it.
    public var version: String

    public init(datapackId: UUID, templateId: String, version: String) {
        self.datapackId = datapackId
        self.templateId = templateId
        self.version = version
    }

    static func decode(
        _ value: JSONValue,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> CharacterTemplateLink {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["datapackId", "templateId", "version"])
        return CharacterTemplateLink(
            datapackId: try reader.required("datapackId", Decode.packID),
            templateId: try reader.required("templateId", Decode.identifier),
            version: try reader.required("version", Decode.semanticVersion)
        )
    }

    public var json: JSONValue {
        [
            "datapackId": .string(datapackId.packIDString), "templateId": .string(templateId),
            "version": .string(version),
        ]
    }
}

/// The pack holding an instance's template (whose id is the instance's `templateId`), so that the
/// template is found even when several loaded packs have one with that id.
public struct InstanceTemplateLink: Sendable, Hashable {
    public var datapackId: UUID
    /// A semantic version, validated on decoding; the resolver's `SemanticVersion` parses it.
    public var version: String

    public init(datapackId: UUID, version: String) {
        self.datapackId = datapackId
        self.version = version
    }

    static func decode(
        _ value: JSONValue,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> InstanceTemplateLink {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["datapackId", "version"])
        return InstanceTemplateLink(
            datapackId: try reader.required("datapackId", Decode.packID),
            version: try reader.required("version", Decode.semanticVersion)
        )
    }

    public var json: JSONValue {
        ["datapackId": .string(datapackId.packIDString), "version": .string(version)]
    }
}
