public import Foundation
import JSONSchema

extension PackCatalog {
    /// Every problem of `pack`'s links, checked against the pack itself and this catalog (the rules the
    /// JSON Schemas cannot express): a link must point into the pack or one of its dependencies and
    /// resolve; List values and List defaults must name entries of their dataset; a session pack's
    /// state, characters and snapshots must be valid instances. An empty result means no problems.
    ///
    /// Links into the packs of `unchecked` (dependencies that were not supplied) are left unchecked
    /// rather than reported as unresolved; the caller says once that they were not checked.
    public func validate(_ pack: Datapack, skippingLinksInto unchecked: Set<UUID> = []) -> [ValidationProblem] {
        let validator = PackLinkValidator(catalog: including(pack), pack: pack, unchecked: unchecked)
        return validator.problems()
    }
}

private struct PackLinkValidator {
    let catalog: PackCatalog
    let pack: Datapack
    let unchecked: Set<UUID>
    /// Entry ids of every dataset in the catalog, built once: a large dataset's List fields are
    /// checked against the same sets thousands of times.
    let entryIDs: [DatasetLink.Target: Set<String>]

    init(catalog: PackCatalog, pack: Datapack, unchecked: Set<UUID>) {
        self.catalog = catalog
        self.pack = pack
        self.unchecked = unchecked
        var entryIDs: [DatasetLink.Target: Set<String>] = [:]
        for loaded in catalog.packs {
            for dataset in loaded.datasets {
                let target = DatasetLink.Target(datapackId: loaded.manifest.id, datasetId: dataset.id)
                entryIDs[target] = Set(dataset.entries.map(\.id))
            }
        }
        self.entryIDs = entryIDs
    }

    /// Links may point into the pack itself or into a pack its manifest depends on (§5.8).
    var reachablePacks: Set<UUID> {
        Set([pack.manifest.id] + pack.manifest.dependencies.map(\.id))
    }

    func problems() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        for dataset in pack.datasets {
            problems += check(dataset)
        }
        for template in pack.characterTemplates {
            var list = ProblemList(file: PackLayout.path(in: PackLayout.characterTemplates, id: template.id))
            checkFields(of: template, problems: &list)
            problems += list.list
        }
        for template in pack.sessionTemplates {
            problems += check(template)
        }
        if let session = pack.session {
            problems += check(session)
        }
        return problems
    }

    /// The dataset `link` points at, or nil after adding why it does not resolve (nothing is added for a
    /// link into an unchecked pack).
    private func resolve(_ link: DatasetLink, at tokens: [String], problems: inout ProblemList) -> Dataset? {
        guard reachablePacks.contains(link.datapackId) else {
            problems.add(tokens + ["datapackId"], unreachableMessage(link.datapackId))
            return nil
        }
        if unchecked.contains(link.datapackId) { return nil }
        guard let dataset = catalog.dataset(link) else {
            problems.add(tokens, "the dataset link does not resolve: \(catalog.unresolvedReason(link))")
            return nil
        }
        return dataset
    }

    private func addMissingEntries(
        _ ids: [String],
        of dataset: Dataset,
        in packID: UUID,
        at tokens: [String],
        problems: inout ProblemList
    ) {
        let known = entryIDs[DatasetLink.Target(datapackId: packID, datasetId: dataset.id)]
        problems.addMissingEntries(ids, of: dataset, entryIDs: known, at: tokens)
    }

    private func unreachableMessage(_ id: UUID) -> String {
        "links to pack \(id.packIDString), which is neither this pack nor one of its dependencies in szpack.json"
    }

    private func check(_ dataset: Dataset) -> [ValidationProblem] {
        var problems = ProblemList(file: PackLayout.path(in: PackLayout.datasets, id: dataset.id))
        for entry in dataset.entries {
            let entryTokens = ["entries", entry.id]
            checkListFields(
                entry.topLevelFields,
                of: dataset,
                at: entryTokens + ["topLevelFields"],
                problems: &problems
            )
            for (index, group) in entry.groups.enumerated() {
                let tokens = entryTokens + ["groups", String(index), "fields"]
                checkListFields(group.fields, of: dataset, at: tokens, problems: &problems)
            }
        }
        return problems.list
    }

    /// A List field without a link lists entries of its own dataset.
    private func checkListFields(
        _ fields: [DatasetField],
        of dataset: Dataset,
        at tokens: [String],
        problems: inout ProblemList
    ) {
        for field in fields {
            guard case .list(let ids) = field.value else { continue }
            let fieldTokens = tokens + [field.id]
            var target: Dataset? = dataset
            var targetPack = pack.manifest.id
            if let link = field.datasetLink {
                target = resolve(link, at: fieldTokens + ["datasetLink"], problems: &problems)
                targetPack = link.datapackId
            }
            if let target {
                addMissingEntries(ids, of: target, in: targetPack, at: fieldTokens + ["value"], problems: &problems)
            }
        }
    }

    private func checkFields(of template: some InstanceTemplate, problems: inout ProblemList) {
        for (sectionIndex, section) in template.sections.enumerated() {
            for (groupIndex, group) in section.groups.enumerated() {
                for (fieldIndex, field) in group.fields.enumerated() {
                    guard let link = field.datasetLink else { continue }
                    let tokens = [
                        "sections", String(sectionIndex), "groups", String(groupIndex), "fields", String(fieldIndex),
                    ]
                    let dataset = resolve(link, at: tokens + ["datasetLink"], problems: &problems)
                    if let dataset, let ids = field.defaultValue?.listValue {
                        let tokens = tokens + ["defaultValue"]
                        addMissingEntries(ids, of: dataset, in: link.datapackId, at: tokens, problems: &problems)
                    }
                }
            }
        }
    }

    private func check(_ template: SessionTemplate) -> [ValidationProblem] {
        var problems = ProblemList(file: PackLayout.path(in: PackLayout.sessionTemplates, id: template.id))
        if let link = template.characterTemplateLink {
            if !reachablePacks.contains(link.datapackId) {
                problems.add(["characterTemplateLink", "datapackId"], unreachableMessage(link.datapackId))
            } else if !unchecked.contains(link.datapackId), catalog.characterTemplate(link) == nil {
                problems.add(
                    ["characterTemplateLink"],
                    "the character template link does not resolve: \(catalog.unresolvedReason(link))"
                )
            }
        }
        for (index, link) in template.requiredDatasets.enumerated() {
            _ = resolve(link, at: ["requiredDatasets", String(index)], problems: &problems)
        }
        checkFields(of: template, problems: &problems)
        return problems.list
    }

    private func check(_ session: SessionRecord) -> [ValidationProblem] {
        var problems = checkInstance(session.state, file: PackLayout.sessionState, at: .root)
        for character in session.characters {
            let file = PackLayout.path(in: PackLayout.characters, id: character.id)
            problems += checkInstance(character, file: file, at: .root)
        }
        for snapshot in session.snapshots {
            problems += checkInstance(snapshot.state, file: snapshot.path, at: JSONPointer.root.appending("state"))
            for (index, character) in snapshot.characters.enumerated() {
                let pointer = JSONPointer.root.appending("characters").appending(index)
                problems += checkInstance(character, file: snapshot.path, at: pointer)
            }
        }
        return problems
    }

    /// An instance in a session pack: its template's pack must be reachable, and it must be valid.
    private func checkInstance(_ instance: Instance, file: String, at pointer: JSONPointer) -> [ValidationProblem] {
        if let link = instance.templateLink, !reachablePacks.contains(link.datapackId) {
            var problems = ProblemList(file: file, base: pointer)
            problems.add(["templateLink", "datapackId"], unreachableMessage(link.datapackId))
            return problems.list
        }
        if let link = instance.templateLink, unchecked.contains(link.datapackId) { return [] }
        return catalog.validate(instance, file: file, at: pointer)
    }
}
