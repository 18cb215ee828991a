import Vapor

/// A CSV file offered for download (the member list, dues, volunteer hours, the directory).
enum CSVDownload {
    static func response(_ text: String, filename: String) -> Response {
        Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"\(filename)\"",
        ], body: .init(string: text))
    }
}
