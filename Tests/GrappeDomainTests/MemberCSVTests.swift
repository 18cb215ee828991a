import Testing
@testable import GrappeDomain

@Suite struct MemberCSVTests {
    let domains = ["Cybersécurité", "Développement web"]
    let header = MemberCSV.header.joined(separator: ";")

    func line(_ values: [String: String]) -> String {
        MemberCSV.header.map { values[$0] ?? "" }.joined(separator: ";")
    }

    @Test func acceptsAValidLine() {
        let text = header + "\n" + line(["nom": "SKAZY", "ridet": "1234567001", "commune": "noumea", "effectif": "14",
                                         "categorie": "cœur de filière", "domaines": "cybersecurite|Développement web",
                                         "fondateur": "oui", "titulaire_prenom": "Hatem", "titulaire_nom": "BELLAGI", "titulaire_genre": "H"])
        let parsed = MemberCSV.parse(text, knownDomains: domains)
        #expect(parsed.rejections.isEmpty)
        let first = try! #require(parsed.lines.first)
        #expect(first.company.ridet == "1234567.001")
        #expect(first.company.commune == "Nouméa")
        #expect(first.company.domains == ["Cybersécurité", "Développement web"])
        #expect(first.company.founding)
        #expect(first.category == .core)
        #expect(first.status == .active)
        #expect(first.holder?.genderValue == .male)
    }

    @Test func listsEveryReasonOfARejectedLine() {
        let text = header + "\n" + line(["nom": "", "ridet": "12", "commune": "Paris", "effectif": "beaucoup", "categorie": "VIP",
                                         "email": "pas-un-email", "site_web": "javascript:alert(1)", "domaines": "Astrologie"])
        let parsed = MemberCSV.parse(text, knownDomains: domains)
        #expect(parsed.lines.isEmpty)
        let reasons = try! #require(parsed.rejections.first).reasons.joined(separator: " | ")
        for expected in ["nom : Le nom est obligatoire", "RIDET invalide", "n'est pas une commune", "effectif doit être un nombre",
                         "catégorie", "Adresse e-mail invalide", "Adresse de site invalide", "Domaine de compétence inconnu"] {
            #expect(reasons.contains(expected), "missing: \(expected)")
        }
        #expect(parsed.rejections.first?.lineNumber == 2)
    }

    @Test func rejectsDuplicatesWithinTheFile() {
        let a = line(["nom": "APID", "effectif": "3"])
        let parsed = MemberCSV.parse(header + "\n" + a + "\n" + a, knownDomains: domains)
        #expect(parsed.lines.count == 1)
        #expect(parsed.rejections.first?.lineNumber == 3)
        #expect(parsed.rejections.first?.reasons.first?.contains("doublon") == true)
    }

    @Test func refusesAFileWithoutHeader() {
        #expect(MemberCSV.parse("SKAZY;14\n", knownDomains: domains).fileError != nil)
        #expect(MemberCSV.parse("", knownDomains: domains).fileError == "Le fichier est vide.")
    }

    @Test func limitsLength() {
        let parsed = MemberCSV.parse(header + "\n" + line(["nom": String(repeating: "x", count: 121), "effectif": "1"]), knownDomains: domains)
        #expect(parsed.rejections.first?.reasons.first?.contains("120 caractères au maximum") == true)
    }
}
