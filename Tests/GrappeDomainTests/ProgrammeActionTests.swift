import Foundation
import Testing
@testable import GrappeDomain

@Suite struct ProgrammeActionTests {
    let today = FrenchDate.make(2026, 11, 29)

    func draft(_ edit: (inout ActionDraft) -> Void = { _ in }) -> ActionDraft {
        var d = ActionDraft()
        d.date = "2026-03-12"; d.theme = "Réseaux sociaux"; d.commune = "lifou"; d.animator = "skazy"
        d.participants = "16"; d.audiences = "handicap=8; demandeurs_emploi=4"; d.duration = "150"
        edit(&d)
        return d
    }

    @Test func aValidActionPasses() {
        #expect(draft().validate(animatorNames: ["SKAZY", "ACOR"], today: today).isEmpty)
    }

    @Test func eachFieldIsChecked() {
        let errors = draft {
            $0.date = "31/02/2026"; $0.theme = ""; $0.commune = "Paris"; $0.animator = "Inconnue SARL"
            $0.participants = "-1"; $0.audiences = "martiens=3"; $0.duration = "2000"
        }.validate(animatorNames: ["SKAZY"], today: today)
        #expect(Set(errors.keys) == ["date", "theme", "commune", "animator", "participants", "audiences", "duration"])
        #expect(errors["animator"] == "« Inconnue SARL » ne fait pas partie du consortium du programme.")
    }

    @Test func anAudienceCannotExceedTheParticipants() {
        let errors = draft { $0.participants = "5"; $0.audiences = "handicap=8" }.validate(animatorNames: ["SKAZY"], today: today)
        #expect(errors["audiences"] == "Un public ne peut pas dépasser le nombre de participants.")
    }

    @Test func audienceCountsReadCodesAndLabels() {
        #expect(AudienceCounts.parse("TPE / PME=12;handicap=4;handicap=1;inconnu=9") == ["tpe_pme": 12, "handicap": 5])
        #expect(AudienceCounts.serialize(["rural": 3, "handicap": 0, "jeunes": 2]) == "jeunes=2;rural=3")
        #expect(Audience(loose: "Personnes en situation de handicap") == .disability)
    }

    @Test func csvImportListsEveryRejectedLine() {
        let csv = """
        date;theme;commune;animateur;animateurs;participants;publics;duree;notes
        2026-03-12;Démarches en ligne;Lifou;SKAZY;Hatem;16;"handicap=8";150;
        2026-03-13;;Paris;;;abc;;;
        ;;;;;;;;
        12/04/2026;Arnaques;Maré;;;10;;90;Avec le Collectif
        """
        let parsed = ActionCSV.parse(csv, animatorNames: ["SKAZY"], today: today)
        #expect(parsed.fileError == nil)
        #expect(parsed.lines.map(\.0) == [2, 5])
        #expect(parsed.rejections.map(\.line) == [3])
        #expect(parsed.rejections.first?.reasons.count == 3)
        #expect(ActionCSV.parse("nom;x\n1;2", animatorNames: [], today: today).fileError != nil)
        #expect(ActionCSV.parse("", animatorNames: [], today: today).fileError == "Le fichier est vide.")
    }
}
