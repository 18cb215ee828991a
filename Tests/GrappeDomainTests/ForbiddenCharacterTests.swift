import Testing
@testable import GrappeDomain

@Suite struct ForbiddenCharacterTests {
    @Test func controlAndBidiCharactersAreFoundButNotLineBreaks() {
        #expect(FieldCheck.forbiddenCharacter(in: "a\u{0}b@example.nc") == "\u{0}")
        #expect(FieldCheck.forbiddenCharacter(in: "Nom\u{7F}") == "\u{7F}")
        #expect(FieldCheck.forbiddenCharacter(in: "abc\u{202E}gpj.exe") == "\u{202E}")
        #expect(FieldCheck.forbiddenCharacter(in: "x\u{2066}y") == "\u{2066}")
        #expect(FieldCheck.forbiddenCharacter(in: "Première ligne\r\n\tseconde") == nil)
        #expect(FieldCheck.forbiddenCharacter(in: "Famille 👨‍👩‍👧 et café") == nil, "emoji joiners and accents are text")
        #expect(FieldCheck.codePoint("\u{0}") == "U+0000")
        #expect(FieldCheck.codePoint("\u{202E}") == "U+202E")
    }
}
