import Foundation
import Testing
@testable import GrappeDomain

/// ctfcli's `challenge.yml` read into a challenge, without YAML text: the trees are what the app
/// decodes from Yams. Problems name the folder and the field; an export reads back the same.
@Suite struct ChallengeSpecTests {
    static func map(_ pairs: KeyValuePairs<String, SpecTree>) -> SpecTree { .map(pairs.map { SpecTree.Pair($0.key, $0.value) }) }

    /// Bouteille à la mer, as in `Tests/ctf/challenges/bouteille/challenge.yml`.
    static let bouteille = map([
        "name": .string("Bouteille à la mer"), "author": .string("Commission Cybersécurité"), "category": .string("Crypto"),
        "description": .string("Le message est dans `message.txt`."), "attribution": .string("OPEN NC"), "value": .int(100), "type": .string("standard"),
        "flags": .list([.string("HACKAGOU{la_mer_efface_tout}"),
                        map(["type": .string("static"), "content": .string("hackagou{LA_MER_EFFACE_TOUT}"), "data": .string("case_insensitive")])]),
        "tags": .list([.string("facile"), .string("rot13")]), "files": .list([.string("message.txt")]),
        "hints": .list([map(["content": .string("César avait un cousin qui décalait de 13."), "cost": .int(10)]), .string("Regardez bien les accolades.")]),
        "attempts": .int(20), "state": .string("visible"), "version": .string("0.1"),
    ])

    @Test func aStandardChallengeIsReadWithItsFlagsHintsTagsAndFiles() throws {
        let (spec, problems) = ChallengeSpecReader.read(Self.bouteille, folder: "bouteille")
        #expect(problems.isEmpty, "\(problems)")
        let s = try #require(spec)
        #expect(s.name == "Bouteille à la mer" && s.category == "Crypto" && s.author == "Commission Cybersécurité")
        #expect(s.scoring == .fixed(100) && s.maxAttempts == 20 && s.visible)
        #expect(s.flags == [FlagRule(kind: .static, content: "HACKAGOU{la_mer_efface_tout}"),
                            FlagRule(kind: .static, content: "hackagou{LA_MER_EFFACE_TOUT}", caseInsensitive: true)])
        #expect(s.hints == [.init(content: "César avait un cousin qui décalait de 13.", cost: 10), .init(content: "Regardez bien les accolades.", cost: 0)])
        #expect(s.tags == ["facile", "rot13"] && s.files == ["message.txt"] && s.requirements.isEmpty)
    }

    @Test func aDynamicChallengeTakesItsDecayFromExtra() throws {
        let abysses = Self.map([
            "name": .string("Abysses"), "category": .string("Forensique"), "value": .int(500), "type": .string("dynamic"),
            "extra": Self.map(["initial": .int(500), "decay": .int(20), "minimum": .int(100), "function": .string("logarithmic")]),
            "flags": .list([Self.map(["type": .string("regex"), "content": .string("HACKAGOU\\{[0-9]{4}-marlin\\}")])]),
            "requirements": .list([.string("Bouteille à la mer")]), "attribution": .string("OPEN NC"),
        ])
        let s = try #require(ChallengeSpecReader.read(abysses, folder: "abysses").spec)
        #expect(s.scoring == .logarithmic(initial: 500, decay: 20, minimum: 100))
        #expect(s.flags.first?.kind == .regex && s.requirements == ["Bouteille à la mer"])
        #expect(s.author == "OPEN NC", "without an author, the attribution")
        #expect(!s.visible, "hidden unless the file says visible")
        var linear = abysses
        if case .map(var pairs) = linear {
            pairs.removeAll { $0.key == "extra" }
            pairs.append(.init("extra", Self.map(["initial": .int(300), "decay": .int(10), "decay_function": .string("linear")])))
            linear = .map(pairs)
        }
        #expect(ChallengeSpecReader.read(linear, folder: "abysses").spec?.scoring == .linear(initial: 300, decay: 10, minimum: 0))
    }

    @Test func problemsNameTheFolderAndTheField() {
        let broken = Self.map([
            "name": .string(""), "category": .list([]), "value": .string("cent"), "type": .string("standard"),
            "flags": .list([Self.map(["type": .string("magic"), "content": .string("x")]), Self.map(["type": .string("regex"), "content": .string("([")])]),
            "hints": .list([Self.map(["content": .string("un indice"), "cost": .int(-5)])]),
            "files": .list([.string("../../etc/passwd")]), "attempts": .int(5000), "state": .string("public"),
        ])
        let (spec, problems) = ChallengeSpecReader.read(broken, folder: "web/cassé")
        #expect(spec == nil)
        let fields = Set(problems.compactMap(\.field))
        #expect(fields == ["name", "category", "value", "flags[1]", "flags[2]", "hints[1]", "files", "attempts", "state"], "\(problems)")
        #expect(problems.allSatisfy { $0.description.hasPrefix("web/cassé/challenge.yml, champ « ") })
        #expect(problems.first { $0.field == "value" }?.message == "un nombre entier est attendu.")
        #expect(ChallengeSpecReader.read(.list([]), folder: "").problems.first?.description.hasPrefix("challenge.yml : ") == true)
        let unknownType = Self.map(["name": .string("A"), "category": .string("B"), "type": .string("docker"), "value": .int(1)])
        #expect(ChallengeSpecReader.read(unknownType, folder: "a").problems.map(\.field) == ["type"])
        let selfRequired = Self.map(["name": .string("A"), "category": .string("B"), "value": .int(1), "requirements": .list([.string("A")])])
        #expect(ChallengeSpecReader.read(selfRequired, folder: "a").problems.map(\.field) == ["requirements"])
        let tooLow = Self.map(["name": .string("A"), "category": .string("B"), "type": .string("dynamic"),
                               "extra": Self.map(["initial": .int(100), "decay": .int(5), "minimum": .int(200)])])
        #expect(ChallengeSpecReader.read(tooLow, folder: "a").problems.map(\.field) == ["extra"])
    }

    @Test func anExportedTreeReadsBackTheSameChallenge() throws {
        let s = try #require(ChallengeSpecReader.read(Self.bouteille, folder: "bouteille").spec)
        let again = ChallengeSpecReader.read(s.tree, folder: "bouteille")
        #expect(again.problems.isEmpty && again.spec == s)
        var dynamic = s
        dynamic.scoring = .logarithmic(initial: 400, decay: 15, minimum: 50)
        dynamic.requirements = ["Abysses"]
        dynamic.visible = false
        dynamic.maxAttempts = 0
        #expect(ChallengeSpecReader.read(dynamic.tree, folder: "x").spec == dynamic)
    }

    @Test func archivePathsStayInsideTheirFolder() {
        #expect(ArchivePath.clean("./dist//a.txt") == "dist/a.txt")
        #expect(ArchivePath.clean("repo/") == "repo")
        for refused in ["../a", "a/../../b", "/etc/passwd", "C:/x", "a\\..\\b", "", "a/\u{0}b"] {
            #expect(ArchivePath.clean(refused) == nil, "\(refused)")
        }
        #expect(ArchivePath.folder(of: "a/b/challenge.yml") == "a/b" && ArchivePath.folder(of: "challenge.yml") == "")
        #expect(ArchivePath.join("", "x") == "x" && ArchivePath.join("a", "x") == "a/x")
    }

    @Test func attachmentsAreCheckedAndSizesWrittenInFrench() {
        #expect(AttachmentCheck.problem(filename: "", size: 10) == "Choisissez un fichier.")
        #expect(AttachmentCheck.problem(filename: "a.txt", size: 0) == "« a.txt » est vide.")
        #expect(AttachmentCheck.problem(filename: "a.bin", size: AttachmentCheck.maxBytes + 1)?.hasPrefix("« a.bin » dépasse 20 Mo") == true)
        #expect(AttachmentCheck.problem(filename: "a.bin", size: AttachmentCheck.maxBytes) == nil)
        #expect([1, 812, 1024, 3482, 20 * 1024 * 1024].map(FileSize.french) == ["1 octet", "812 octets", "1 Ko", "3,4 Ko", "20 Mo"])
    }
}
