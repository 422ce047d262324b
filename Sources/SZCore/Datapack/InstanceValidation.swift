import JSONSchema

extension PackCatalog {
    /// Every problem of `instance` against its template and the datasets its List fields link to: a
    /// template that is not loaded, unknown fields, values of the wrong type, and List items that are
    /// not entries of the linked dataset. An empty result means the instance is valid.
    public func validate(_ instance: Instance, file: String? = nil) -> [ValidationProblem] {
        validate(instance, file: file, at: .root)
    }

    /// Every problem of `instance` against `template`, which the caller already holds (a game's own session
    /// template need not be in any loaded pack): unknown fields, values of the wrong type, and List items that
    /// are not entries of the linked dataset.
    public func validate(_ instance: Instance, against template: some InstanceTemplate) -> [ValidationProblem] {
        var problems = ProblemList(file: nil)
        checkFields(of: instance, against: template, problems: &problems)
        return problems.list
    }

    func validate(_ instance: Instance, file: String?, at pointer: JSONPointer) -> [ValidationProblem] {
        var problems = ProblemList(file: file, base: pointer)
        switch instance.kind {
        case .character: check(instance, templates: \.characterTemplates, problems: &problems)
        case .session: check(instance, templates: \.sessionTemplates, problems: &problems)
        }
        return problems.list
    }

    private func check<Template: InstanceTemplate>(
        _ instance: Instance,
        templates: KeyPath<Datapack, [Template]>,
        problems: inout ProblemList
    ) {
        guard let template = resolveTemplate(of: instance, in: templates, problems: &problems) else { return }
        checkFields(of: instance, against: template, problems: &problems)
    }

    private func resolveTemplate<Template: InstanceTemplate>(
        of instance: Instance,
        in templates: KeyPath<Datapack, [Template]>,
        problems: inout ProblemList
    ) -> Template? {
        let kind = Template.szType.replacing("-", with: " ")
        if let link = instance.templateLink {
            guard let pack = pack(id: link.datapackId) else {
                problems.add(
                    ["templateLink", "datapackId"],
                    "the template's pack \(link.datapackId.packIDString) is not loaded"
                )
                return nil
            }
            guard let template = pack[keyPath: templates].first(where: { $0.id == instance.templateId }) else {
                let hint = Spelling.hint(for: instance.templateId, among: pack[keyPath: templates].map(\.id))
                problems.add(
                    ["templateId"],
                    "pack \"\(pack.manifest.name)\" has no \(kind) \"\(instance.templateId)\"\(hint)"
                )
                return nil
            }
            return template
        }
        let candidates = packs.compactMap { pack in
            pack[keyPath: templates].first { $0.id == instance.templateId }.map { (pack, $0) }
        }
        guard let (_, template) = candidates.first else {
            let hint = Spelling.hint(
                for: instance.templateId,
                among: packs.flatMap { $0[keyPath: templates].map(\.id) }
            )
            problems.add(["templateId"], "no loaded pack has a \(kind) \"\(instance.templateId)\"\(hint)")
            return nil
        }
        guard candidates.count == 1 else {
            let names = candidates.map { "\"\($0.0.manifest.name)\"" }.joined(separator: ", ")
            problems.add(
                ["templateId"],
                "several loaded packs have a \(kind) \"\(instance.templateId)\" (\(names)); "
                    + "add a templateLink naming the pack"
            )
            return nil
        }
        return template
    }

    private func checkFields(
        of instance: Instance,
        against template: some InstanceTemplate,
        problems: inout ProblemList
    ) {
        for (fieldId, raw) in instance.fields {
            guard let field = template.field(id: fieldId) else {
                let hint = Spelling.hint(for: fieldId, among: template.fields.map(\.id))
                problems.add(["fields", fieldId], "template \"\(template.id)\" has no field \"\(fieldId)\"\(hint)")
                continue
            }
            let value: FieldValue
            do {
                value = try FieldValue(json: raw, as: field.type)
            } catch {
                problems.add(
                    ["fields", fieldId] + error.location.tokens,
                    "\"\(field.name)\" is a \(field.type) field and \(error.reason)"
                )
                continue
            }
            if case .list(let ids) = value, let link = field.datasetLink {
                checkItems(ids, of: field, link: link, at: ["fields", fieldId], problems: &problems)
            }
        }
    }

    private func checkItems(
        _ ids: [String],
        of field: TemplateField,
        link: DatasetLink,
        at tokens: [String],
        problems: inout ProblemList
    ) {
        guard let dataset = dataset(link) else {
            let reason = unresolvedReason(link)
            problems.add(tokens, "\"\(field.name)\" lists entries of dataset \"\(link.datasetId)\", but \(reason)")
            return
        }
        problems.addMissingEntries(ids, of: dataset, at: tokens)
    }
}

/// Collects the problems of one document, placed under a base pointer (an instance inside a snapshot).
struct ProblemList {
    let file: String?
    var base: JSONPointer = .root
    var list: [ValidationProblem] = []

    mutating func add(_ tokens: [String], _ message: String) {
        list.append(
            ValidationProblem(file: file, pointer: base.appending(JSONPointer(tokens: tokens)), message: message)
        )
    }
}

extension ProblemList {
    /// One problem for each id in a List value (at `tokens`) that names no entry of `dataset`. A caller
    /// checking many values against one dataset passes its `entryIDs` once built.
    mutating func addMissingEntries(
        _ ids: [String],
        of dataset: Dataset,
        entryIDs: Set<String>? = nil,
        at tokens: [String]
    ) {
        let known = entryIDs ?? Set(dataset.entries.map(\.id))
        for (index, id) in ids.enumerated() where !known.contains(id) {
            let hint = Spelling.hint(for: id, among: dataset.entries.map(\.id))
            add(tokens + [String(index)], "\"\(id)\" is not an entry of dataset \"\(dataset.id)\"\(hint)")
        }
    }
}
