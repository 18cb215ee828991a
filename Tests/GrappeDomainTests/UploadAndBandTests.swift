import Foundation
import Testing
@testable import GrappeDomain

@Suite struct UploadAndBandTests {
    static let minimalPDF = Array("""
    %PDF-1.4
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
    trailer << /Root 1 0 R >>
    %%EOF

    """.utf8)

    static let notPDF = "Le fichier n'est pas un PDF (contenu non reconnu)."
    static let corrupt = "Le PDF semble incomplet ou corrompu."

    @Test func acceptsARealPDF() {
        #expect(PDFCheck.problem(Self.minimalPDF) == nil)
        #expect(PDFCheck.problem(Data(Self.minimalPDF)) == nil)
        #expect(PDFCheck.problem(Array("%PDF-2.0\n%%EOF".utf8)) == nil)
    }

    @Test func toleratesUpTo1024LeadingBytes() {
        #expect(PDFCheck.problem([UInt8](repeating: 0x20, count: 1024) + Self.minimalPDF) == nil)
        #expect(PDFCheck.problem([UInt8](repeating: 0x20, count: 1025) + Self.minimalPDF) == Self.notPDF)
    }

    @Test func refusesOtherContent() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(PDFCheck.problem(png) == Self.notPDF)
        // A text file renamed cv.pdf: the name is never looked at.
        #expect(PDFCheck.problem(Array("Curriculum vitae\nJean Dupont\n%%EOF".utf8)) == Self.notPDF)
        #expect(PDFCheck.problem(Array("%PDF-x\n%%EOF".utf8)) == Self.notPDF)
        #expect(PDFCheck.problem(Array("%PDF".utf8)) == Self.notPDF)
    }

    @Test func refusesEmptyAndOversizedFiles() {
        #expect(PDFCheck.problem([UInt8]()) == "Le fichier est vide.")
        #expect(PDFCheck.problem(Data()) == "Le fichier est vide.")
        #expect(PDFCheck.maxBytes == 5_242_880)
        let padding = [UInt8](repeating: 0x20, count: PDFCheck.maxBytes - Self.minimalPDF.count)
        #expect(PDFCheck.problem(Array(Self.minimalPDF.dropLast(6)) + padding + Array("%%EOF\n".utf8)) == nil)
        #expect(PDFCheck.problem(Self.minimalPDF + padding + [0x0A]) == "Le CV dépasse 5 Mo.")
    }

    @Test func refusesATruncatedPDF() {
        let truncated = Array(Self.minimalPDF.prefix(60))
        #expect(PDFCheck.problem(truncated) == Self.corrupt)
        // %%EOF present but more than 1024 bytes before the end.
        #expect(PDFCheck.problem(Self.minimalPDF + [UInt8](repeating: 0x20, count: 1025)) == Self.corrupt)
        #expect(PDFCheck.problem(Self.minimalPDF + [UInt8](repeating: 0x20, count: 1000)) == nil)
    }

    @Test func sizeBands() {
        #expect(SizeBand.of(headcount: 0) == .micro)
        #expect(SizeBand.of(headcount: 9) == .micro)
        #expect(SizeBand.of(headcount: 10) == .small)
        #expect(SizeBand.of(headcount: 49) == .small)
        #expect(SizeBand.of(headcount: 50) == .medium)
        #expect(SizeBand.of(headcount: 249) == .medium)
        #expect(SizeBand.of(headcount: 250) == .large)
        #expect(SizeBand.of(headcount: 100_000) == .large)
        #expect(SizeBand.of(headcount: -3) == .micro)
        #expect(SizeBand.allCases.map(\.rawValue) == ["micro", "small", "medium", "large"])
        #expect(SizeBand.micro.label == "Moins de 10 salariés")
        #expect(SizeBand.large.label == "250 salariés et plus")
        #expect(SizeBand.small.range == 10...49)
        #expect(SizeBand.large.range == 250...Int.max)
        #expect(SizeBand(rawValue: "medium") == .medium)
    }

    static func noumea(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 10) -> Date {
        FrenchDate.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    @Test func retention() {
        let calendar = FrenchDate.calendar
        #expect(Retention.candidateMonths == 24)
        let submitted = Self.noumea(2025, 6, 12)
        let expiry = Retention.expiry(from: submitted, months: Retention.candidateMonths, calendar: calendar)
        #expect(expiry == Self.noumea(2027, 6, 12))
        #expect(Retention.expiry(from: submitted, calendar: calendar) == expiry)
        // A day missing in the target month is clamped.
        #expect(Retention.expiry(from: Self.noumea(2024, 2, 29), months: 24, calendar: calendar) == Self.noumea(2026, 2, 28))
        #expect(Retention.expiry(from: Self.noumea(2025, 1, 31), months: 1, calendar: calendar) == Self.noumea(2025, 2, 28))

        #expect(!Retention.isExpired(expiry, now: submitted))
        #expect(!Retention.isExpired(expiry, now: expiry.addingTimeInterval(-1)))
        #expect(Retention.isExpired(expiry, now: expiry))
        #expect(Retention.isExpired(expiry, now: expiry.addingTimeInterval(86_400)))
    }
}
