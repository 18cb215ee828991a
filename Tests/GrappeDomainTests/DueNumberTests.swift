import Testing
@testable import GrappeDomain

@Suite struct DueNumberTests {
    @Test func formatsWithFourDigits() {
        #expect(DueNumber(year: 2025, sequence: 1).description == "2025-0001")
        #expect(DueNumber(year: 2025, sequence: 123).description == "2025-0123")
        #expect(DueNumber(year: 2025, sequence: 12345).description == "2025-12345")
    }

    @Test func continuesWithoutGaps() {
        let first = DueNumber.next(year: 2025, after: nil, count: 3)
        #expect(first.map(\.description) == ["2025-0001", "2025-0002", "2025-0003"])
        let more = DueNumber.next(year: 2025, after: 3, count: 2)
        #expect(more.map(\.sequence) == [4, 5])
        #expect(DueNumber.next(year: 2025, after: 7, count: 0).isEmpty)
    }

    @Test func parsesItsOwnFormat() {
        #expect(DueNumber("2025-0042") == DueNumber(year: 2025, sequence: 42))
        #expect(DueNumber("2025-0000") == nil)
        #expect(DueNumber("25-0001") == nil)
        #expect(DueNumber("abc") == nil)
    }

    @Test func ordersByYearThenSequence() {
        #expect(DueNumber(year: 2024, sequence: 90) < DueNumber(year: 2025, sequence: 1))
        #expect(DueNumber(year: 2025, sequence: 2) < DueNumber(year: 2025, sequence: 10))
    }
}
