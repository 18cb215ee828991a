import Foundation
import Testing
@testable import GrappeDomain

@Suite struct DiagnosticRequestTests {
    /// Wednesday 2 December 2026, 10:00 in Nouméa.
    let now = FrenchDate.at(FrenchDate.make(2026, 12, 2), minutes: 10 * 60)

    func valid() -> DiagnosticRequestDraft {
        var draft = DiagnosticRequestDraft()
        draft.company = "  Boulangerie du Port "
        draft.ridet = "1 234 567.001"
        draft.activity = "Artisanale"
        draft.commune = "noumea"
        draft.headcount = "04"
        draft.contactName = "Marie Wamytan"
        draft.email = "Marie@Example.nc "
        draft.phone = "+687 27 12 34"
        draft.slots = ["2026-12-09T09:00", "", "2026-12-03T14:30"]
        return draft
    }

    func errors(_ change: (inout DiagnosticRequestDraft) -> Void) -> [String: String] {
        var draft = valid()
        change(&draft)
        return draft.validate(now: now)
    }

    @Test func aValidRequestIsNormalised() {
        var draft = valid()
        #expect(draft.validate(now: now) == [:])
        #expect(draft.company == "Boulangerie du Port")
        #expect(draft.ridet == "1234567.001")
        #expect(draft.activity == "craft" && draft.activityValue == .craft)
        #expect(draft.commune == "Nouméa")
        #expect(draft.headcount == "4" && draft.headcountValue == 4)
        #expect(draft.email == "marie@example.nc")
        #expect(draft.slots == ["2026-12-09T09:00", "2026-12-03T14:30"])
        #expect(draft.slotDates == [FrenchDate.at(FrenchDate.make(2026, 12, 3), minutes: 14 * 60 + 30),
                                    FrenchDate.at(FrenchDate.make(2026, 12, 9), minutes: 9 * 60)])
        #expect(DiagnosticRequestDraft.slotText(draft.slotDates[0]) == "2026-12-03T14:30")
    }

    @Test func eachFieldGetsItsFrenchMessage() {
        #expect(errors { $0.company = " " } == ["company": "Le nom de l'entreprise est obligatoire."])
        #expect(errors { $0.ridet = "12" } == ["ridet": "RIDET invalide : 7 chiffres, suivis éventuellement de 3 chiffres d'établissement (1234567.001)."])
        #expect(errors { $0.ridet = "" }["ridet"]?.hasPrefix("Le RIDET est obligatoire") == true)
        #expect(errors { $0.activity = "industrielle" } == ["activity": "Choisissez l'activité : artisanale, commerciale ou autre."])
        #expect(errors { $0.activity = "autre" } == ["activityDetails": "Précisez l'activité de l'entreprise."])
        #expect(errors { $0.activity = "autre"; $0.activityDetails = "Transport" } == [:])
        #expect(errors { $0.commune = "Paris" } == ["commune": "« Paris » n'est pas une commune de Nouvelle-Calédonie."])
        #expect(errors { $0.commune = "" } == ["commune": "La commune est obligatoire."])
        #expect(errors { $0.headcount = "-1" } == ["headcount": "L'effectif doit être un nombre entier entre 0 et 100 000."])
        #expect(errors { $0.headcount = "" } == ["headcount": "L'effectif est obligatoire (0 si aucun salarié)."])
        #expect(errors { $0.contactName = "" } == ["contactName": "Indiquez le nom de la personne à contacter."])
        #expect(errors { $0.email = "marie.example.nc" } == ["email": "Adresse e-mail invalide."])
        #expect(errors { $0.email = "" }["email"]?.hasPrefix("L'adresse e-mail est obligatoire") == true)
        #expect(errors { $0.phone = "appelez-moi" } == ["phone": "Numéro de téléphone invalide."])
        #expect(errors { $0.phone = "" } == [:])
        #expect(errors { $0.company = String(repeating: "a", count: 121) } == ["company": "120 caractères au maximum (121 saisis)."])
    }

    @Test func slotsMustBeReadableToComeAndFew() {
        #expect(errors { $0.slots = ["", " "] } == ["slots": "Proposez au moins un créneau pour l'entretien d'une heure."])
        #expect(errors { $0.slots = ["2026-12-02T09:00"] }
            == ["slots": "Le créneau du mercredi 2 décembre 2026 à 09:00 est déjà passé : choisissez une date à venir."])
        #expect(errors { $0.slots = ["2026-12-02T10:00"] }["slots"]?.contains("est déjà passé") == true)
        #expect(errors { $0.slots = ["2026-12-02T10:01"] } == [:])
        #expect(errors { $0.slots = ["demain matin"] }
            == ["slots": "Créneau illisible : « demain matin » (date et heure attendues, par exemple 2026-12-03T09:00)."])
        #expect(errors { $0.slots = ["2026-02-30T09:00"] }["slots"]?.hasPrefix("Créneau illisible") == true)
        #expect(errors { $0.slots = ["2026-12-03T25:00"] }["slots"]?.hasPrefix("Créneau illisible") == true)
        #expect(errors { $0.slots = ["2026-12-03T09:00", "2026-12-04T09:00", "2026-12-05T09:00", "2026-12-06T09:00"] }
            == ["slots": "Proposez 3 créneaux au plus."])
        #expect(errors { $0.slots = ["2026-12-03T09:00", "2026-12-03T09:00:00"] }
            == ["slots": "Le créneau du jeudi 3 décembre 2026 à 09:00 est proposé deux fois."])
        #expect(errors { $0.slots = ["2028-01-10T09:00"] } == ["slots": "Le créneau du lundi 10 janvier 2028 est trop lointain : un an au plus."])
    }
}

@Suite struct DiagnosticComparisonTests {
    typealias F = DiagnosticFixture

    @Test func theFollowUpShowsTheChangePerDimensionAndOverall() {
        var later = F.allZero
        later[F.q(8).key] = F.choices(8, first: 6)        // D4: 0 → (0 + 10) × 5 = 50
        later[F.q(3).key] = F.choices(3, first: 4)        // D2: 0 → (4 + 0) × 5 = 20
        let first = DiagnosticScoring.result(F.v1, F.allZero)
        let second = DiagnosticScoring.result(F.v1, later)
        let comparison = DiagnosticComparison(first: first, on: FrenchDate.make(2025, 6, 12), second: second, on: FrenchDate.make(2026, 1, 12))
        #expect(comparison.change(.data) == 50)
        #expect(comparison.change(.readiness) == 20)
        #expect(comparison.change(.green) == 0)
        #expect(close(comparison.overallChange, (50.0 + 20) / 6))
        #expect(comparison.changes.map { $0.dimension } == DiagnosticDimension.allCases)
        #expect(comparison.changes.map { $0.change } == [0, 20, 0, 50, 0, 0])
        #expect(comparison.changes[3].before == 0 && comparison.changes[3].after == 50)
        // 70 ÷ 6 ≈ 11.7: still basic.
        #expect(!comparison.levelChanged)
        #expect(comparison.sameVersion)
        #expect(comparison.monthsApart == 7 && comparison.isWithinFollowUpWindow)
        let backwards = DiagnosticComparison(first: second, on: FrenchDate.make(2025, 6, 12), second: first, on: FrenchDate.make(2025, 10, 12))
        #expect(backwards.change(.data) == -50)
        #expect(backwards.monthsApart == 4 && !backwards.isWithinFollowUpWindow)
    }

    @Test func theWindowIsSixToTwelveMonths() {
        let result = DiagnosticScoring.result(F.v1, [:])
        func months(_ y: Int, _ m: Int, _ d: Int) -> DiagnosticComparison {
            DiagnosticComparison(first: result, on: FrenchDate.make(2025, 6, 12), second: result, on: FrenchDate.make(y, m, d))
        }
        #expect(!months(2025, 12, 11).isWithinFollowUpWindow)
        #expect(months(2025, 12, 12).isWithinFollowUpWindow)
        #expect(months(2026, 6, 12).isWithinFollowUpWindow)
        #expect(!months(2026, 7, 12).isWithinFollowUpWindow)
    }

    @Test func changesAreShownWithTheirSign() {
        #expect(DiagnosticComparison.signed(11.6) == "+12")
        #expect(DiagnosticComparison.signed(-3.2) == "\u{2212}3")
        #expect(DiagnosticComparison.signed(0.4) == "0")
    }

    @Test func twoVersionsCompareOnTheSixDimensions() {
        var v2 = F.v1.copy(toVersion: 2)
        v2.questions.removeAll { $0.dmaNumber == 10 }
        let answers = [F.q(11).key: F.triState([.yes, .yes, .yes, .yes, .yes])]
        let first = DiagnosticScoring.result(F.v1, answers)
        let second = DiagnosticScoring.result(v2, answers)
        let comparison = DiagnosticComparison(first: first, on: FrenchDate.make(2025, 6, 12), second: second, on: FrenchDate.make(2026, 3, 12))
        #expect(!comparison.sameVersion)
        // Green: (0 + 10) × 5 = 50 with Q10, then Q11 alone × 10 = 100 without it.
        #expect(comparison.change(.green) == 100 - 50)
        // Overall 50 ÷ 6 ≈ 8.3, then 100 ÷ 6 ≈ 16.7: basic both times.
        #expect(!comparison.levelChanged)
    }
}
