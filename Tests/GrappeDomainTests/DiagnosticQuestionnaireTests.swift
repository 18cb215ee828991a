import Foundation
import Testing
@testable import GrappeDomain

@Suite struct DiagnosticQuestionnaireTests {
    let v1 = DiagnosticQuestionnaire.v1

    @Test func theDefaultVersionIsValidAndDMACompatible() {
        #expect(v1.version == 1)
        #expect(v1.problems() == [])
        #expect(v1.isDMACompatible)
    }

    @Test func theElevenDMAQuestionsAreInTheirDimensionsWithTheReferenceItems() throws {
        // From the reference's table: dimension, type and number of items of Q1…Q11.
        let expected: [(Int, DiagnosticDimension, DiagnosticQuestion.Kind, Int)] = [
            (1, .strategy, .investment, 10), (2, .strategy, .multipleChoice, 10),
            (3, .readiness, .multipleChoice, 10), (4, .readiness, .scale, 7),
            (5, .humanCentric, .multipleChoice, 7), (6, .humanCentric, .multipleChoice, 8),
            (7, .data, .multipleChoice, 8), (8, .data, .multipleChoice, 6),
            (9, .automation, .scale, 5),
            (10, .green, .multipleChoice, 10), (11, .green, .triState, 5),
        ]
        for (number, dimension, kind, items) in expected {
            let question = try #require(v1.question(dma: number))
            #expect(question.dimension == dimension)
            #expect(question.kind == kind)
            #expect(question.role == .scored)
            #expect(!question.isLocal)
            #expect((kind == .multipleChoice ? question.options.count : question.rows.count) == items, "Q\(number)")
        }
        #expect(v1.questions.filter { !$0.isLocal }.count == 11)
    }

    @Test func q7HasTheExclusiveNegativeOptionWorthNothing() throws {
        let q7 = try #require(v1.question(dma: 7))
        let negative = try #require(q7.exclusiveOption)
        #expect(negative.points == 0)
        #expect(negative.label.contains("pas collectées sous forme numérique"))
        #expect(q7.options.filter(\.exclusive).count == 1)
        #expect(q7.options.filter { !$0.exclusive }.allSatisfy { $0.points == 1 })
    }

    @Test func everyDimensionHasAFrenchTitleAndScoredQuestions() {
        #expect(DiagnosticDimension.allCases.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(DiagnosticDimension.strategy.title == "Stratégie numérique")
        #expect(DiagnosticDimension.green.title == "Numérique vert")
        for dimension in DiagnosticDimension.allCases {
            #expect(v1.questions(in: dimension).contains { $0.role == .scored }, "\(dimension)")
        }
        #expect(DiagnosticDimension.forDMAQuestion(9) == .automation)
        #expect(DiagnosticDimension.forDMAQuestion(0) == nil && DiagnosticDimension.forDMAQuestion(12) == nil)
    }

    @Test func localQuestionsAreFlaggedInformativeAndAskedOfTheirAudience() throws {
        let local = v1.questions.filter(\.isLocal)
        #expect(local.count == 2)
        #expect(local.allSatisfy { $0.role == .informative && $0.dmaNumber == nil })
        let visibility = try #require(v1.question("local_visibility"))
        #expect(visibility.onlyFor == [.retail])
        #expect(visibility.isAsked(of: .retail) && !visibility.isAsked(of: .craft) && visibility.isAsked(of: nil))
        #expect(v1.questions(askedOf: .craft).count == 12)
        #expect(v1.questions(askedOf: .retail).count == 13)
        #expect(v1.question(dma: 7)?.label == "Q7 · Gestion des données")
        #expect(visibility.label == "Visibilité en ligne")
    }

    @Test func copyingMakesANewVersionAndLeavesTheOldOneAlone() {
        var copy = v1.copy(toVersion: 2)
        #expect(copy.version == 2)
        #expect(copy.title == v1.title)
        #expect(copy.questions == v1.questions)
        copy.questions[0].text = "Autre formulation"
        #expect(v1.questions[0].text != "Autre formulation")
        #expect(v1.copy(toVersion: 3, title: "Version 2027").title == "Version 2027")
        #expect(DiagnosticQuestionnaire.nextVersion(after: []) == 1)
        #expect(DiagnosticQuestionnaire.nextVersion(after: [1, 4, 2]) == 5)
    }

    @Test func aScoredLocalQuestionIsValidButNoLongerDMACompatible() throws {
        var version = v1.copy(toVersion: 2)
        let index = try #require(version.questions.firstIndex { $0.key == "local_equipment" })
        version.questions[index].role = .scored
        #expect(version.problems() == [])
        #expect(!version.isDMACompatible)
        var withoutQ9 = v1.copy(toVersion: 2)
        withoutQ9.questions.removeAll { $0.dmaNumber == 9 }
        #expect(!withoutQ9.isDMACompatible)
        #expect(withoutQ9.problems() == ["La dimension « Automatisation et intelligence artificielle » n'a aucune question comptée dans son score."])
    }

    @Test func validationFindsEachProblemInFrench() {
        func problems(_ change: (inout DiagnosticQuestionnaire) -> Void) -> [String] {
            var version = v1.copy(toVersion: 2)
            change(&version)
            return version.problems()
        }
        #expect(problems { $0.version = 0 } == ["Le numéro de version doit être un entier positif."])
        #expect(problems { $0.title = "  " } == ["Le titre du questionnaire est obligatoire."])
        #expect(problems { $0.questions[1].key = "q1_investments" }.contains("La clé « q1_investments » est utilisée par plusieurs questions."))
        #expect(problems { $0.questions[1].key = "Q2 préparation" }.contains { $0.contains("la clé « Q2 préparation » est invalide") })
        #expect(problems { $0.questions[1].options[0].points = 11 }
            == ["Question « Préparation à la transformation » : la réponse « Les besoins numériques sont identifiés et liés aux objectifs de l'entreprise » vaut 11 points ; les points vont de 0 à 10."])
        #expect(problems { $0.questions[1].options[2].points = -1 }.count == 1)
        #expect(problems { $0.questions[6].options[1].points = 1 }
            == ["Question « Gestion des données » : la réponse exclusive « Les données ne sont pas collectées sous forme numérique » est une réponse négative : elle ne rapporte aucun point."])
        #expect(problems { $0.questions[6].options[0].exclusive = true; $0.questions[6].options[0].points = 0 }
            == ["Question « Gestion des données » : une seule réponse exclusive au plus."])
        #expect(problems { $0.questions[1].options = $0.questions[1].options.map { var o = $0; o.points = 0; return o } }
            == ["Question « Préparation à la transformation » : aucune réponse ne rapporte de points."])
        #expect(problems { $0.questions[1].options.append(.init(key: "prep1", label: "Doublon")) }
            == ["Question « Préparation à la transformation » : la clé de réponse « prep1 » est utilisée deux fois."])
        #expect(problems { $0.questions[3].dimension = .automation }
            == ["Question « Technologies avancées » : la question Q4 du DMA appartient à la dimension « Préparation numérique »."])
        #expect(problems { $0.questions[3].kind = .triState }
            == ["Question « Technologies avancées » : la question Q4 du DMA est du type « échelle de 0 à 5 par ligne »."])
        #expect(problems { $0.questions[3].dmaNumber = 12 } == ["Question « Technologies avancées » : le DMA n'a pas de question Q12 (Q1 à Q11)."])
        #expect(problems { $0.questions[12].dmaNumber = 11 }.contains("La question Q11 du DMA apparaît plusieurs fois."))
        #expect(problems { $0.questions[11].role = .scored }
            == ["Question « Visibilité en ligne » : une question comptée dans le score doit être posée à toutes les entreprises ; rendez-la informative ou posez-la à tous."])
        #expect(problems { $0.questions[10].rows = [] } == ["Question « Impact environnemental du numérique » : ajoutez au moins une ligne."])
        #expect(problems { $0.questions[10].options = [.init(key: "x", label: "X")] }
            == ["Question « Impact environnemental du numérique » : ce type de question a des lignes, pas de réponses à cocher."])
        #expect(problems { $0.questions[10].rows[1].key = "env1" }
            == ["Question « Impact environnemental du numérique » : la clé de ligne « env1 » est utilisée deux fois."])
        #expect(problems { $0.questions[7].options = [$0.questions[7].options[0]] }
            == ["Question « Sécurité des données » : proposez au moins deux réponses."])
        #expect(problems { $0.questions[7].text = "" } == ["Question « Sécurité des données » : le texte de la question est obligatoire."])
    }

    @Test func aStoredVersionReadsBackAndOldJSONWithoutTheLaterFieldsStillDecodes() throws {
        let data = try JSONEncoder().encode(v1)
        #expect(try JSONDecoder().decode(DiagnosticQuestionnaire.self, from: data) == v1)
        let old = #"{"key":"k","dimension":"human_centric","title":"T","text":"Texte ?","kind":"tri_state","rows":[{"key":"r1","label":"Ligne"}]}"#
        let question = try JSONDecoder().decode(DiagnosticQuestion.self, from: Data(old.utf8))
        #expect(question.dimension == .humanCentric && question.role == .scored && question.isLocal)
        #expect(question.help == "" && question.onlyFor == [] && question.options == [])
    }

    @Test func provincesPartitionTheThirtyThreeCommunes() {
        let all = Province.allCases.flatMap(\.communes)
        #expect(all.count == 33)
        #expect(Set(all) == Set(Communes.all))
        #expect(Province.sud.communes.count == 13)
        #expect(Province.of(commune: "noumea") == .sud)
        #expect(Province.of(commune: "Koné") == .nord)
        #expect(Province.of(commune: "lifou") == .iles)
        #expect(Province.of(commune: "Paris") == nil)
    }

    @Test func activitiesReadFromTheForm() {
        #expect(BusinessActivity(typed: "Artisanale") == .craft)
        #expect(BusinessActivity(typed: "commerciale") == .retail)
        #expect(BusinessActivity(typed: "retail") == .retail)
        #expect(BusinessActivity(typed: "Autre") == .other)
        #expect(BusinessActivity(typed: "industrielle") == nil)
        #expect(BusinessActivity(typed: "") == nil)
    }
}
