import Testing
@testable import GrappeDomain

@Suite struct CSVTests {
    @Test func parsesSemicolonsQuotesAndBOM() {
        let rows = CSVTable.parse("\u{FEFF}nom;description\r\n\"SKAZY\";\"Dit \"\"bonjour\"\"; et plus\"\r\nAPID;\"deux\nlignes\"\n")
        #expect(rows == [["nom", "description"], ["SKAZY", "Dit \"bonjour\"; et plus"], ["APID", "deux\nlignes"]])
    }

    @Test func detectsCommas() {
        #expect(CSVTable.parse("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func skipsBlankLines() {
        #expect(CSVTable.parse("a;b\n\n1;2\n\n") == [["a", "b"], ["1", "2"]])
    }

    @Test func writesForFrenchExcel() {
        let text = CSVTable.write(header: ["nom", "note"], rows: [["A;B", "=SUM(A1)"], ["C", "-12"]])
        #expect(text.hasPrefix("\u{FEFF}nom;note\r\n"))
        #expect(text.contains("\"A;B\";'=SUM(A1)\r\n"))
        #expect(text.contains("C;-12\r\n"))
    }

    @Test func roundTrips() {
        let rows = [["x\"y", "a;b", "line\nbreak"]]
        let text = CSVTable.write(header: ["h1", "h2", "h3"], rows: rows)
        #expect(CSVTable.parse(text) == [["h1", "h2", "h3"]] + rows)
    }
}
