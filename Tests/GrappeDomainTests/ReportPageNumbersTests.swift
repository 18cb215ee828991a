import Testing
@testable import GrappeDomain

@Suite struct ReportPageNumbersTests {
    static let html = """
    <nav class="toc"><ol><li><a href="#edito">Édito</a></li><li><a href="#chiffres-cles">Chiffres clés</a></li></ol></nav>
    <section class="part" id="edito"><h2>Édito</h2></section><section class="part" id="chiffres-cles"><h2>Chiffres clés</h2></section>
    """

    @Test func markersAreFoundOnTheirPagesAndFillTheContents() {
        #expect(ReportPageNumbers.partIDs(Self.html) == ["edito", "chiffres-cles"])
        let marked = ReportPageNumbers.marked(Self.html)
        #expect(marked.contains("<section class=\"part\" id=\"edito\"><span style=\"position:absolute;font-size:1pt;color:#fff\">GRAPPEPARTPAGEeditoX</span><h2>"))
        let text = "Rapport\u{0C}Sommaire\u{0C}GRAPPEPARTPAGEeditoX Édito\u{0C}suite\u{0C}GRAPPEPARTPAGEchiffresclesX Chiffres\u{0C}"
        let pages = ReportPageNumbers.pages(pdfText: text, ids: ReportPageNumbers.partIDs(Self.html))
        #expect(pages == ["edito": 3, "chiffres-cles": 5])
        let numbered = ReportPageNumbers.numbered(Self.html, pages: pages)
        #expect(numbered.contains("<a href=\"#edito\">Édito<span class=\"toc-page\">3</span></a></li>"))
        #expect(numbered.contains("<a href=\"#chiffres-cles\">Chiffres clés<span class=\"toc-page\">5</span></a></li>"))
        #expect(!numbered.contains("GRAPPEPARTPAGE"), "the second print carries no marker")
    }

    @Test func aMarkerNotFoundLeavesItsEntryUnnumbered() {
        let pages = ReportPageNumbers.pages(pdfText: "GRAPPEPARTPAGEeditoX", ids: ["edito", "chiffres-cles"])
        #expect(pages == ["edito": 1])
        #expect(!ReportPageNumbers.numbered(Self.html, pages: pages).contains("Chiffres clés<span"))
    }
}
