import JSONSchema
import SZCore
import Testing

/// `"visibility": "gm"` on session template parts: read and written back, refused where it makes no sense, and
/// what the players' view of a sheet leaves out.
@Suite struct GMOnlyPartsTests {
    static let templateText = """
        {
          "id": "secrets", "szType": "session-template", "name": "Campaign with secrets",
          "version": "1.0.0", "schemaVersion": "1.0.0",
          "sections": [
            { "id": "open", "name": "Open", "groups": [
              { "id": "details", "name": "Details", "fields": [
                { "id": "setting", "name": "Setting", "type": "Text", "defaultValue": "Thalindra" },
                { "id": "gmNotes", "name": "GM Notes", "type": "MultiText", "visibility": "gm" } ] },
              { "id": "plans", "name": "Plans", "visibility": "gm", "fields": [
                { "id": "twist", "name": "Twist", "type": "Text", "visibility": "all" } ] },
              { "id": "secretsOnly", "name": "Secrets only", "fields": [
                { "id": "villain", "name": "Villain", "type": "Text", "visibility": "gm" } ] } ] },
            { "id": "screen", "name": "Behind the screen", "visibility": "gm", "groups": [
              { "id": "clocks", "name": "Clocks", "fields": [ { "id": "doom", "name": "Doom", "type": "Number" } ] } ] }
          ]
        }
        """

    static func template(replacing original: String = "", with replacement: String = "") throws -> SessionTemplate {
        try SessionTemplate(json: JSONParser().parse(templateText.replacing(original, with: replacement)))
    }

    @Test func visibilityIsReadOnSectionsGroupsAndFieldsAndWrittenOnlyWhenGMOnly() throws {
        let template = try Self.template()
        #expect(template.sections.map(\.visibility) == [.all, .gm])
        #expect(template.sections[0].groups.map(\.visibility) == [.all, .gm, .all])
        #expect(template.field(id: "gmNotes")?.visibility == .gm)
        #expect(template.field(id: "setting")?.visibility == .all)
        let reread = try SessionTemplate(json: template.json)
        #expect(reread == template)
        let plans = template.json["sections"]?.arrayValue?.first?["groups"]?.arrayValue?[1]
        #expect(plans?["visibility"] == "gm")
        #expect(plans?["fields"]?.arrayValue?.first?["visibility"] == nil, "an explicit \"all\" is not written")
    }

    @Test func aFieldIsGMOnlyWhenItOrItsGroupOrSectionSaysSo() throws {
        #expect(try Self.template().gmOnlyFieldIDs == ["gmNotes", "twist", "villain", "doom"])
    }

    @Test(arguments: [
        (
            #""visibility": "gm" } ] },"#, #""visibility": "GM" } ] },"#,
            #"/sections/0/groups/0/fields/1/visibility: unknown visibility "GM"; expected "all" "#
                + #"(everyone at the table, the default) or "gm" (only the game's GMs)"#
        ),
        (
            #""name": "Plans", "visibility": "gm""#, #""name": "Plans", "visibility": "gms""#,
            #"/sections/0/groups/1/visibility: unknown visibility "gms" (did you mean "gm"?); expected "all" "#
                + #"(everyone at the table, the default) or "gm" (only the game's GMs)"#
        ),
        (
            #""name": "Behind the screen", "visibility": "gm""#, #""name": "Behind the screen", "visibility": true"#,
            "/sections/1/visibility: expected a string, found a boolean"
        ),
    ])
    func aBadVisibilityIsRefusedAtItsPointer(original: String, replacement: String, message: String) throws {
        let error = #expect(throws: DatapackDecodingError.self) {
            try Self.template(replacing: original, with: replacement)
        }
        #expect(error?.description == message)
    }

    @Test func aCharacterTemplateMayNotHaveGMOnlyParts() throws {
        let text = SpecPack.characterTemplateText
        let marked = #""id": "strength", "name": "Strength", "type": "Number""#
        #expect(text.contains(marked))
        let error = #expect(throws: DatapackDecodingError.self) {
            try CharacterTemplate(
                json: JSONParser().parse(text.replacing(marked, with: marked + #", "visibility": "gm""#))
            )
        }
        #expect(
            error?.description
                == #"/sections/0/groups/0/fields/0/visibility: "visibility": "gm" belongs in session templates: "#
                + "a character sheet has no GM-only parts (whoever may see a character sees all of it)"
        )
        let everyone = try CharacterTemplate(
            json: JSONParser().parse(text.replacing(marked, with: marked + #", "visibility": "all""#))
        )
        #expect(everyone.gmOnlyFieldIDs.isEmpty)
    }

    @Test func thePlayersTemplateLeavesOutGMOnlyPartsAndWhatHeldOnlyThem() throws {
        let shown = try Self.template().withoutGMOnlyParts
        #expect(shown.sections.map(\.id) == ["open"])
        #expect(shown.sections[0].groups.map(\.id) == ["details"])
        #expect(shown.fields.map(\.id) == ["setting"])
        #expect(shown.gmOnlyFieldIDs.isEmpty)
    }

    @Test func thePlayersStateKeepsOnlyValuesOfFieldsShownToEveryone() throws {
        let template = try Self.template()
        var state = template.makeInstance(id: "state", name: "Thalindra")
        state.fields["gmNotes"] = "The innkeeper is the dragon."
        state.fields["stray"] = "a value no field of the template names"
        let shown = state.keepingValues(shownBy: template)
        #expect(JSONValue.object(shown.fields) == ["setting": "Thalindra"])
        #expect(!JSONWriter.compact(shown.json).contains("dragon"))
        #expect(shown.name == "Thalindra")
    }

    @Test func validatingAgainstAHeldTemplateReportsEveryFieldProblem() throws {
        let template = try Self.template()
        var state = template.makeInstance(id: "state", name: "Thalindra")
        state.fields["doom"] = "high"
        state.fields["gmNotse"] = ""
        let problems = try PackCatalog([]).validate(state, against: template)
        #expect(
            problems.map(\.description) == [
                #"/fields/doom: "Doom" is a Number field and needs a number, found a string"#,
                #"/fields/gmNotse: template "secrets" has no field "gmNotse" (did you mean "gmNotes"?)"#,
            ]
        )
    }
}
