import JSONSchema

extension InstanceTemplate {
    /// Ids of the fields only the game's GMs see: marked `"visibility": "gm"` themselves, or inside a section or
    /// group so marked.
    public var gmOnlyFieldIDs: Set<String> {
        var ids: Set<String> = []
        for section in sections {
            for group in section.groups {
                let enclosed = section.visibility == .gm || group.visibility == .gm
                for field in group.fields where enclosed || field.visibility == .gm { ids.insert(field.id) }
            }
        }
        return ids
    }

    /// Where the first `"visibility": "gm"` of the template is, if it has one.
    static func firstGMOnlyMark(in sections: [TemplateSection]) -> JSONPointer? {
        let root = JSONPointer.root.appending("sections")
        for (sectionIndex, section) in sections.enumerated() {
            let sectionPointer = root.appending(sectionIndex)
            if section.visibility == .gm { return sectionPointer.appending("visibility") }
            for (groupIndex, group) in section.groups.enumerated() {
                let groupPointer = sectionPointer.appending("groups").appending(groupIndex)
                if group.visibility == .gm { return groupPointer.appending("visibility") }
                if let fieldIndex = group.fields.firstIndex(where: { $0.visibility == .gm }) {
                    return groupPointer.appending("fields").appending(fieldIndex).appending("visibility")
                }
            }
        }
        return nil
    }
}

extension SessionTemplate {
    /// The template as everyone but the GMs sees it: GM-only sections, groups and fields left out, and the
    /// groups and sections that held nothing else left out with them.
    public var withoutGMOnlyParts: SessionTemplate {
        var template = self
        template.sections = sections.compactMap { section in
            guard section.visibility == .all else { return nil }
            var shown = section
            shown.groups = section.groups.compactMap { group in
                guard group.visibility == .all else { return nil }
                var shownGroup = group
                shownGroup.fields = group.fields.filter { $0.visibility == .all }
                return shownGroup.fields.isEmpty && !group.fields.isEmpty ? nil : shownGroup
            }
            return shown.groups.isEmpty && !section.groups.isEmpty ? nil : shown
        }
        return template
    }
}

extension Instance {
    /// The instance with only the values of the fields `template` shows to everyone. Values of fields the
    /// template does not have are left out too: only what is known to be public is shown.
    public func keepingValues(shownBy template: SessionTemplate) -> Instance {
        let shown = Set(template.withoutGMOnlyParts.fields.map(\.id))
        var instance = self
        instance.fields = JSONObject(fields.filter { shown.contains($0.key) }.map { ($0.key, $0.value) })
        return instance
    }
}
