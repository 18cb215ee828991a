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

@Suite struct CSVTextCellTests {
    @Test func keptAsTextColumnsAreWrittenAsFormulasOfTextAndReadBack() {
        let out = CSVTable.write(header: ["nom", "telephone"], rows: [["A", "27.11.22"], ["B", ""], ["C", "=1+1"]], keepAsText: ["telephone"])
        #expect(out.contains("A;\"=\"\"27.11.22\"\"\"\r\n"))
        #expect(out.contains("B;\r\n"), "an empty cell stays empty")
        let rows = CSVTable.parse(out)
        #expect(rows[1] == ["A", "27.11.22"])
        #expect(rows[3] == ["C", "=1+1"], "its own text, not a formula that runs")
        #expect(CSVTable.parse("nom;telephone\nX;=\"05 12 34\"")[1] == ["X", "05 12 34"], "typed so in a spreadsheet too")
    }

    @Test func windows1252IsDetectedAndConverted() throws {
        let utf8 = try #require(TextDecoding.decode(Array("Nouméa;cœur".utf8)))
        #expect(utf8.text == "Nouméa;cœur" && utf8.encoding == .utf8)
        let excel = try #require(TextDecoding.decode([0x4E, 0x6F, 0x75, 0x6D, 0xE9, 0x61, 0x3B, 0x63, 0x9C, 0x75, 0x72, 0x20, 0x80]))
        #expect(excel.text == "Nouméa;cœur €" && excel.encoding == .windows1252)
        #expect(TextDecoding.decode([0x41, 0x00, 0x42]) == nil, "NUL: not text")
        #expect(TextDecoding.decode([0xE9, 0x81]) == nil, "0x81 is undefined in Windows-1252")
    }
}
