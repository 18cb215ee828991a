import Testing
@testable import GrappeDomain

@Suite struct FeeGridTests {
    let grid = FeeGrid.open2025

    @Test(arguments: [
        (0, 60_000), (10, 60_000), (11, 90_000), (25, 90_000), (26, 120_000), (50, 120_000),
        (51, 240_000), (100, 240_000), (101, 480_000), (200, 480_000), (201, 960_000), (5_000, 960_000),
    ])
    func coreBracketEdges(headcount: Int, amount: Int) {
        #expect(grid.bracket(for: .core, headcount: headcount)?.amount == amount)
    }

    @Test(arguments: [(0, 60_000), (20, 60_000), (21, 96_000), (50, 96_000), (51, 180_000), (900, 180_000)])
    func partnerBracketEdges(headcount: Int, amount: Int) {
        #expect(grid.bracket(for: .partner, headcount: headcount)?.amount == amount)
    }

    @Test func labels() {
        #expect(grid.bracket(for: .core, headcount: 5)?.label == "0 à 10 salariés")
        #expect(grid.bracket(for: .core, headcount: 500)?.label == "plus de 200 salariés")
    }

    func lines(_ core: [(Int, Int?, Int)]) -> [FeeBracket] {
        core.map { FeeBracket(category: .core, minHeadcount: $0.0, maxHeadcount: $0.1, amount: $0.2) }
            + [FeeBracket(category: .partner, minHeadcount: 0, maxHeadcount: nil, amount: 1)]
    }

    @Test func refusesOverlap() {
        #expect(throws: FeeGrid.Problem.overlap(.core, 10)) {
            try FeeGrid(brackets: lines([(0, 10, 1), (10, nil, 2)]))
        }
    }

    @Test func refusesHole() {
        #expect(throws: FeeGrid.Problem.hole(.core, from: 11, to: 14)) {
            try FeeGrid(brackets: lines([(0, 10, 1), (15, nil, 2)]))
        }
    }

    @Test func refusesClosedLastBracket() {
        #expect(throws: FeeGrid.Problem.mustEndOpen(.core)) {
            try FeeGrid(brackets: lines([(0, 10, 1), (11, 20, 2)]))
        }
    }

    @Test func refusesMissingZeroAndEmptyCategory() {
        #expect(throws: FeeGrid.Problem.mustStartAtZero(.core, 1)) { try FeeGrid(brackets: lines([(1, nil, 1)])) }
        #expect(throws: FeeGrid.Problem.empty(.partner)) {
            try FeeGrid(brackets: [FeeBracket(category: .core, minHeadcount: 0, maxHeadcount: nil, amount: 1)])
        }
    }

    @Test func refusesOpenBracketBeforeTheEnd() {
        #expect(throws: FeeGrid.Problem.unboundedBeforeEnd(.core)) {
            try FeeGrid(brackets: lines([(0, nil, 1), (11, nil, 2)]))
        }
    }

    @Test func refusesInvertedAndNegative() {
        #expect(throws: FeeGrid.Problem.invertedRange(.core, 10, 5)) { try FeeGrid(brackets: lines([(10, 5, 1), (0, 9, 1)])) }
        #expect(throws: FeeGrid.Problem.negativeAmount(.core)) { try FeeGrid(brackets: lines([(0, nil, -1)])) }
    }

    @Test func problemsSpeakFrench() {
        #expect(FeeGrid.Problem.hole(.core, from: 11, to: 14).description.contains("trou de 11 à 14 salariés"))
    }
}
