import Foundation
import Testing
@testable import GrappeDomain

@Suite struct ReportFigureTests {
    @Test func missingFiguresAreSaidInWords() {
        #expect(ReportFigure.text(nil) == "pas de donnée")
        #expect(ReportFigure.text(0) == "0", "a real zero stays a zero")
        #expect(ReportFigure.text(1505) == "1\u{202F}505")
        #expect(ReportFigure.text(1500, unit: "heures") == "1\u{202F}500 heures")
    }

    @Test func sharesRoundToWholePercent() {
        #expect(ReportFigure.percent(85, of: 100) == 85)
        #expect(ReportFigure.percent(2, of: 3) == 67)
        #expect(ReportFigure.percent(1, of: 3) == 33)
        #expect(ReportFigure.percent(0, of: 0) == nil, "no members, no share")
    }

    @Test func frenchPluralTakesSingularForZeroAndOne() {
        #expect(ReportFigure.count(0, "réunion", "réunions") == "0 réunion")
        #expect(ReportFigure.count(1, "réunion", "réunions") == "1 réunion")
        #expect(ReportFigure.count(2, "réunion", "réunions") == "2 réunions")
    }

    @Test func yearOverYearCounts() {
        let up = YearOverYear(current: 100, previous: 80, previousYear: 2024)
        #expect(up.change == 20)
        #expect(up.trend == "hausse")
        #expect(up.changeText == "+20 par rapport à 2024 (+25 %)")
        let down = YearOverYear(current: 90, previous: 100, previousYear: 2024)
        #expect(down.changeText == "−10 par rapport à 2024 (−10 %)")
        #expect(down.trend == "baisse")
        #expect(YearOverYear(current: 7, previous: 7, previousYear: 2024).changeText == "stable par rapport à 2024")
        #expect(YearOverYear(current: 3, previous: 0, previousYear: 2024).changeText == "+3 par rapport à 2024", "no ratio from zero")
        #expect(YearOverYear(current: 12_583_500, previous: 14_214_000, previousYear: 2024, unit: "XPF").changeText
                == "−1\u{202F}630\u{202F}500 XPF par rapport à 2024 (−11 %)")
    }

    @Test func yearOverYearWithoutLastYearSaysSo() {
        let figure = YearOverYear(current: 1505, previous: nil, previousYear: 2024)
        #expect(figure.change == nil)
        #expect(figure.trend == nil)
        #expect(figure.changeText == "pas de donnée pour 2024")
    }

    @Test func percentagesMoveByPoints() {
        #expect(YearOverYear(current: 85, previous: 82, previousYear: 2024, kind: .percent).changeText == "+3 points par rapport à 2024")
        #expect(YearOverYear(current: 15, previous: 16, previousYear: 2024, kind: .percent).changeText == "−1 point par rapport à 2024")
    }

    @Test func meetingsPerMonth() {
        let counts = [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1]
        #expect(MonthTally.lines(counts, singular: "réunion", plural: "réunions")
                == ["Février : 1 réunion", "Mars : 1 réunion", "Novembre : 2 réunions", "Décembre : 1 réunion"])
    }

    @Test func institutionsTakeTheirArticle() {
        #expect(InstitutionName.withArticle("Gouvernement") == "le Gouvernement")
        #expect(InstitutionName.withArticle("Province Sud") == "la Province Sud")
        #expect(InstitutionName.withArticle("Vice-rectorat") == "le Vice-rectorat")
        #expect(InstitutionName.withArticle("UNC") == "l'UNC")
        #expect(InstitutionName.withArticle("La CCI") == "La CCI", "an article already there is kept")
    }
}
