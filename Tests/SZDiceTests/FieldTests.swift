import SZDice
import Testing

@Suite struct FieldTests {
    @Test func fieldIsReadFromTheCharacter() throws {
        let result = try roll("1d20+@strength", faces: [12], fields: ["strength": 3])
        #expect(result.total == 15)
        #expect(result.breakdown == "1d20 [12] + @strength [3] = 15")
    }

    @Test func dottedAndBracedNames() throws {
        let fields = ["Abilities.Strength": 4, "Armor Class": 15]
        let result = try roll("@Abilities.Strength + @{Armor Class}", faces: [], fields: fields)
        #expect(result.total == 19)
        #expect(result.formula == "@Abilities.Strength + @{Armor Class}")
    }

    @Test func fieldAsDiceCountAndSides() throws {
        let fields = ["level": 2, "hitDie": 8]
        let result = try roll("(@level)d@{hitDie}", faces: [8, 3], fields: fields)
        #expect(result.total == 11)
        #expect(try roll("@{level}d6", faces: [1, 2], fields: fields).total == 3)
    }

    @Test func fieldReferencesListEachNameOnce() throws {
        let formula = try DiceFormula.parse("@dex + 1d20 + @prof + (@dex)d@{hit die} - @prof")
        #expect(formula.fieldReferences == ["dex", "prof", "hit die"])
    }

    @Test func missingFieldIsNamedWithItsPlace() {
        let error = diceError("1d20 + @Abilities.Strength", faces: [5], fields: ["strength": 3])
        #expect(error?.reason == .unknownField("Abilities.Strength"))
        #expect(error?.offset == 7)
        #expect(
            error?.description
                == "unknown field '@Abilities.Strength' at character 8: the character has no such field"
        )
    }

    @Test func namesAreMatchedExactly() {
        #expect(diceError("@Strength", fields: ["strength": 3])?.reason == .unknownField("Strength"))
    }

    @Test func trailingDotIsNotPartOfTheName() {
        #expect(
            diceError("@str.", fields: ["str": 1])?.description.hasPrefix("unexpected '.' at character 5:") == true
        )
    }

    @Test func unterminatedBracedName() {
        #expect(
            diceError("1 + @{Armor Class")?.description
                == "unterminated field name at character 5: expected '}' to close it"
        )
        #expect(diceError("@{ }")?.description == "unexpected '}' at character 4: expected a field name")
    }
}
