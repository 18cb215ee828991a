import Foundation

/// A small, safe Markdown subset for news posts, newsletters and editorial texts.
///
/// Safety: every character of the source is HTML-escaped (`& < > " '`); raw HTML is never passed
/// through, it shows as text. A link keeps its `href` only when the target is `http:`, `https:` or
/// `mailto:`; any other target (`javascript:`, `data:`, no scheme…) renders the link text alone.
///
/// Blocks: paragraphs (separated by blank lines); ATX headings `#`…`####` rendered one level lower,
/// `<h2>`…`<h5>`, because pages already carry their `<h1>` (`#####` and `######` give `<h6>`);
/// `-`, `*` or `+` lists and `1.` / `1)` lists, nested by indenting two spaces or more; `>` quotes;
/// fenced code blocks (```); rules (`---`, also `***` and `___`). There is no raw HTML, no setext
/// heading, no indented code block, no table and no image.
///
/// Inline: `**strong**`, `*em*` / `_em_` (nestable, CommonMark delimiter rules, so `snake_case`
/// stays as is), `` `code` `` (escaped, nothing parsed inside), `[text](url)`, bare `http(s)://`
/// links, and backslash escapes (`\*` is a literal star).
///
/// Newlines: a single newline inside a paragraph, list item or quote becomes `<br>`, so lines the
/// author typed separately stay separate; a blank line starts a new paragraph.
public enum Markdown {
    /// The HTML fragment (no wrapper element); blocks are separated by a newline.
    public static func html(_ source: String) -> String {
        render(parse(source))
    }

    /// Readable text for the text/plain part of an email: no markup, headings as their own line,
    /// links as `text (url)`, bullet items prefixed with `- `, ordered items with `1. `, quotes with `> `.
    public static func plainText(_ source: String) -> String {
        plain(parse(source), style: PlainStyle(urls: true, markers: true), separator: "\n\n")
    }

    /// A one-line teaser of at most `maxLength` characters (the ellipsis included): plain text
    /// without URLs nor list markers, whitespace collapsed, cut at a word boundary and ended with "…".
    public static func excerpt(_ source: String, maxLength: Int) -> String {
        guard maxLength > 0 else { return "" }
        let text = plain(parse(source), style: PlainStyle(urls: false, markers: false), separator: "\n\n")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.count > maxLength else { return text }
        let chars = Array(text)
        let limit = maxLength - 1
        var cut = limit
        // A cut right before a space or a closing punctuation mark keeps the last word whole.
        if !" ,;:.!?)»".contains(chars[limit]), let space = chars[..<limit].lastIndex(of: " ") { cut = space }
        var head = String(chars[..<cut])
        while let last = head.last, last.isWhitespace || ",;:.!?-–—(«".contains(last) { head.removeLast() }
        if head.isEmpty { head = String(chars[..<limit]).trimmingCharacters(in: .whitespaces) }
        return head + "…"
    }

    /// HTML text and double-quoted attribute escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The link target when it is allowed (`http://`, `https://` or `mailto:`, any case), else nil.
    static func safeURL(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty, url.count <= 2048,
              !url.unicodeScalars.contains(where: {
                  $0.properties.isWhitespace || $0.properties.generalCategory == .control
                      || $0.properties.generalCategory == .format
              }) else { return nil }
        let lower = url.lowercased()
        for scheme in ["https://", "http://", "mailto:"] where lower.hasPrefix(scheme) {
            return url.count > scheme.count ? url : nil
        }
        return nil
    }

    // MARK: - Blocks

    enum Block {
        case heading(level: Int, text: String)
        case paragraph(String)
        case list(ordered: Bool, start: Int, items: [ListItem])
        case quote([Block])
        case code(String)
        case rule
    }

    struct ListItem {
        var blocks: [Block]
        /// Tight items (no blank line inside) render their paragraphs without `<p>`.
        var tight: Bool
    }

    /// Quotes and lists nest at most this deep; deeper markers stay as text.
    static let maxDepth = 8

    static func parse(_ source: String) -> [Block] {
        let normalized = source
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            .map { expandLeadingTabs(String($0)) }
        return blocks(lines, depth: 0)
    }

    static func expandLeadingTabs(_ line: String) -> String {
        let lead = line.prefix(while: { $0 == " " || $0 == "\t" })
        guard lead.contains("\t") else { return line }
        var out = ""
        for c in lead {
            if c == "\t" { out += String(repeating: " ", count: 4 - out.count % 4) } else { out += " " }
        }
        return out + line.dropFirst(lead.count)
    }

    static func indent(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    static func fence(_ line: String) -> (indent: Int, length: Int)? {
        let ind = indent(line)
        guard ind <= 3 else { return nil }
        let rest = line.dropFirst(ind)
        let length = rest.prefix(while: { $0 == "`" }).count
        guard length >= 3, !rest.dropFirst(length).contains("`") else { return nil }
        return (ind, length)
    }

    static func closesFence(_ line: String, length: Int) -> Bool {
        guard indent(line) <= 3 else { return false }
        let rest = line.trimmingCharacters(in: .whitespaces)
        return rest.count >= length && rest.allSatisfy { $0 == "`" }
    }

    static func heading(_ line: String) -> (level: Int, text: String)? {
        let ind = indent(line)
        guard ind <= 3 else { return nil }
        let rest = line.dropFirst(ind)
        let level = rest.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard let first = after.first, first == " " || first == "\t" else { return nil }
        var text = after.trimmingCharacters(in: .whitespaces)
        // Optional closing sequence: "## Titre ##".
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "#" { end = text.index(before: end) }
        if end < text.endIndex, end == text.startIndex || text[text.index(before: end)] == " " {
            text = String(text[..<end]).trimmingCharacters(in: .whitespaces)
        }
        return text.isEmpty ? nil : (level, text)
    }

    static func isRule(_ line: String) -> Bool {
        guard indent(line) <= 3 else { return false }
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let mark = marks.first, "-*_".contains(mark) else { return false }
        return marks.allSatisfy { $0 == mark }
    }

    static func isQuote(_ line: String) -> Bool {
        let ind = indent(line)
        return ind <= 3 && line.dropFirst(ind).first == ">"
    }

    static func quoteContent(_ line: String) -> String {
        var rest = line.drop(while: { $0 == " " }).dropFirst()
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }

    struct ItemStart {
        let ordered: Bool
        let number: Int
        let indent: Int
        /// Column where the item's text starts; continuation lines lose up to this many spaces.
        let contentIndent: Int
        let content: String
    }

    static func itemStart(_ line: String) -> ItemStart? {
        let ind = indent(line)
        let rest = line.dropFirst(ind)
        guard let first = rest.first else { return nil }
        var ordered = false
        var number = 1
        var markerWidth = 1
        if !"-*+".contains(first) {
            let digits = rest.prefix(while: { $0.isASCII && $0.isWholeNumber })
            guard (1...9).contains(digits.count), let value = Int(digits),
                  let dot = rest.dropFirst(digits.count).first, dot == "." || dot == ")" else { return nil }
            ordered = true
            number = value
            markerWidth = digits.count + 1
        }
        let afterMarker = rest.dropFirst(markerWidth)
        let spaces = afterMarker.prefix(while: { $0 == " " || $0 == "\t" }).count
        guard spaces >= 1 else { return nil }
        let content = afterMarker.dropFirst(spaces).trimmingCharacters(in: .whitespaces)
        guard !content.isEmpty else { return nil }
        return ItemStart(ordered: ordered, number: number, indent: ind,
                         contentIndent: ind + markerWidth + min(spaces, 4), content: content)
    }

    static func interruptsParagraph(_ line: String, depth: Int) -> Bool {
        if fence(line) != nil || heading(line) != nil || isRule(line) { return true }
        guard depth < maxDepth else { return false }
        if isQuote(line) { return true }
        if let item = itemStart(line) { return !item.ordered || item.number == 1 }
        return false
    }

    static func blocks(_ lines: [String], depth: Int) -> [Block] {
        var out: [Block] = []
        let containers = depth < maxDepth
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if isBlank(line) {
                i += 1
                continue
            }
            if let open = fence(line) {
                var body: [String] = []
                i += 1
                while i < lines.count, !closesFence(lines[i], length: open.length) {
                    body.append(String(lines[i].dropFirst(min(open.indent, indent(lines[i])))))
                    i += 1
                }
                if i >= lines.count { // unclosed: runs to the end, trailing blank lines dropped
                    while let last = body.last, isBlank(last) { body.removeLast() }
                }
                i += 1 // the closing fence
                out.append(.code(body.joined(separator: "\n")))
                continue
            }
            if let heading = heading(line) {
                out.append(.heading(level: heading.level, text: heading.text))
                i += 1
                continue
            }
            if isRule(line) {
                out.append(.rule)
                i += 1
                continue
            }
            if containers, isQuote(line) {
                var inner: [String] = []
                while i < lines.count, isQuote(lines[i]) {
                    inner.append(quoteContent(lines[i]))
                    i += 1
                }
                out.append(.quote(blocks(inner, depth: depth + 1)))
                continue
            }
            if containers, let first = itemStart(line) {
                out.append(list(lines, &i, first: first, depth: depth))
                continue
            }
            var text = [line.trimmingCharacters(in: .whitespaces)]
            i += 1
            while i < lines.count, !isBlank(lines[i]), !interruptsParagraph(lines[i], depth: depth) {
                text.append(lines[i].trimmingCharacters(in: .whitespaces))
                i += 1
            }
            out.append(.paragraph(text.joined(separator: "\n")))
        }
        return out
    }

    /// Reads a list starting at `lines[i]`; leaves `i` on the first line after it.
    static func list(_ lines: [String], _ i: inout Int, first: ItemStart, depth: Int) -> Block {
        var items: [ListItem] = []
        var current = first
        while true {
            var body = [current.content]
            var loose = false
            i += 1
            while i < lines.count {
                let line = lines[i]
                if isBlank(line) {
                    var j = i
                    while j < lines.count, isBlank(lines[j]) { j += 1 }
                    guard j < lines.count, indent(lines[j]) >= current.indent + 2 else { break }
                    body.append("")
                    loose = true
                    i = j
                    continue
                }
                let ind = indent(line)
                if ind >= current.indent + 2 {
                    body.append(String(line.dropFirst(min(ind, current.contentIndent))))
                    i += 1
                    continue
                }
                if itemStart(line) != nil || fence(line) != nil || heading(line) != nil
                    || isRule(line) || isQuote(line) { break }
                body.append(line.trimmingCharacters(in: .whitespaces)) // lazy continuation
                i += 1
            }
            items.append(ListItem(blocks: blocks(body, depth: depth + 1), tight: !loose))
            var j = i
            while j < lines.count, isBlank(lines[j]) { j += 1 }
            guard j < lines.count, let next = itemStart(lines[j]), next.ordered == first.ordered else { break }
            i = j
            current = next
        }
        return .list(ordered: first.ordered, start: first.number, items: items)
    }

    // MARK: - Inline

    enum Emphasis: String {
        case em, strong
    }

    /// A run of `*` or `_`; after resolution it carries the tags it closes and opens.
    struct Delimiter {
        let char: Character
        let original: Int
        var count: Int
        let canOpen: Bool
        let canClose: Bool
        var closes: [Emphasis] = []
        var opens: [Emphasis] = []
    }

    struct Run {
        var pieces: [Piece] = []
        var delimiters: [Delimiter] = []
    }

    enum Piece {
        case text(String)
        case code(String)
        case lineBreak
        case delimiter(Int)
        case link(Run, url: String)
        /// The text of a link whose target was refused.
        case unlinked(Run)
    }

    static let escapable = Set<Character>("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

    static func inline(_ text: String) -> Run { inline(Array(text), links: true) }

    static func inline(_ chars: [Character], links: Bool) -> Run {
        var run = Run()
        var buffer = ""
        var missingCloser = Set<Int>()
        let brackets = links ? matchingBrackets(chars) : [:]
        let parentheses = links ? matchingParentheses(chars) : [:]
        func flush() {
            if !buffer.isEmpty { run.pieces.append(.text(buffer)) }
            buffer = ""
        }
        let n = chars.count
        var i = 0
        while i < n {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < n, escapable.contains(chars[i + 1]) {
                    buffer.append(chars[i + 1])
                    i += 2
                } else {
                    buffer.append(c)
                    i += 1
                }
            case "\n":
                flush()
                run.pieces.append(.lineBreak)
                i += 1
            case "`":
                let k = runLength(chars, from: i)
                if !missingCloser.contains(k), let close = closingBackticks(chars, from: i + k, length: k) {
                    flush()
                    run.pieces.append(.code(codeContent(chars[(i + k)..<close])))
                    i = close + k
                } else {
                    missingCloser.insert(k)
                    buffer += String(repeating: "`", count: k)
                    i += k
                }
            case "*", "_":
                let k = runLength(chars, from: i)
                flush()
                run.pieces.append(.delimiter(run.delimiters.count))
                run.delimiters.append(delimiter(c, count: k, before: i > 0 ? chars[i - 1] : nil,
                                                after: i + k < n ? chars[i + k] : nil))
                i += k
            case "[" where links:
                if let close = brackets[i], let tail = linkTail(chars, after: close, parentheses: parentheses) {
                    flush()
                    let label = inline(Array(chars[(i + 1)..<close]), links: false)
                    if let url = safeURL(tail.destination) {
                        run.pieces.append(.link(label, url: url))
                    } else {
                        run.pieces.append(.unlinked(label))
                    }
                    i = tail.end
                } else {
                    buffer.append(c)
                    i += 1
                }
            case "h" where links, "H" where links:
                if let end = autolinkEnd(chars, at: i), let url = safeURL(String(chars[i..<end])) {
                    flush()
                    run.pieces.append(.link(Run(pieces: [.text(url)]), url: url))
                    i = end
                } else {
                    buffer.append(c)
                    i += 1
                }
            default:
                buffer.append(c)
                i += 1
            }
        }
        flush()
        resolveEmphasis(&run.delimiters)
        return run
    }

    static func runLength(_ chars: [Character], from start: Int) -> Int {
        var end = start
        while end < chars.count, chars[end] == chars[start] { end += 1 }
        return end - start
    }

    static func closingBackticks(_ chars: [Character], from start: Int, length: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "`" {
                let k = runLength(chars, from: j)
                if k == length { return j }
                j += k
            } else {
                j += 1
            }
        }
        return nil
    }

    /// Code span text: newlines become spaces, one surrounding space is dropped (`` ` `x` ` ``).
    static func codeContent(_ slice: ArraySlice<Character>) -> String {
        var text = String(slice).replacingOccurrences(of: "\n", with: " ")
        if text.count >= 2, text.first == " ", text.last == " ", !text.allSatisfy({ $0 == " " }) {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    static func matchingBrackets(_ chars: [Character]) -> [Int: Int] {
        var stack: [Int] = []
        var pairs: [Int: Int] = [:]
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "[": stack.append(i)
            case "]": if let open = stack.popLast() { pairs[open] = i }
            default: break
            }
            i += 1
        }
        return pairs
    }

    /// Matching parentheses on a line (a link target never spans lines), backslash escapes skipped.
    static func matchingParentheses(_ chars: [Character]) -> [Int: Int] {
        var stack: [Int] = []
        var pairs: [Int: Int] = [:]
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\" where i + 1 < chars.count && escapable.contains(chars[i + 1]): i += 1
            case "\n": stack.removeAll()
            case "(": stack.append(i)
            case ")": if let open = stack.popLast() { pairs[open] = i }
            default: break
            }
            i += 1
        }
        return pairs
    }

    /// `(destination "optional title")` right after the closing bracket at `close`.
    static func linkTail(_ chars: [Character], after close: Int, parentheses: [Int: Int])
        -> (destination: String, end: Int)? {
        let open = close + 1
        guard open < chars.count, chars[open] == "(", let end = parentheses[open], end - open <= 2048 else {
            return nil
        }
        var raw = ""
        var j = open + 1
        while j < end {
            if chars[j] == "\\", j + 1 < end, escapable.contains(chars[j + 1]) { j += 1 }
            raw.append(chars[j])
            j += 1
        }
        return (destination(raw), end + 1)
    }

    /// Drops an optional quoted title and `<…>` brackets; inner spaces become `%20`.
    static func destination(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), let close = text.firstIndex(of: ">") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let parts = text.split(maxSplits: 1, whereSeparator: isSpace)
        if parts.count == 2 {
            let title = parts[1].trimmingCharacters(in: .whitespaces)
            if title.count >= 2, let quote = title.first, quote == "\"" || quote == "'", title.last == quote {
                return String(parts[0])
            }
        }
        return text.split(whereSeparator: isSpace).joined(separator: "%20")
    }

    /// End of a bare `http(s)://…` link starting at `i`, trailing punctuation left out.
    static func autolinkEnd(_ chars: [Character], at i: Int) -> Int? {
        if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber { return nil }
        let n = chars.count
        var prefixLength = 0
        for scheme in ["https://", "http://"] {
            let s = Array(scheme)
            if i + s.count <= n, zip(chars[i..<(i + s.count)], s).allSatisfy({ $0.lowercased() == String($1) }) {
                prefixLength = s.count
                break
            }
        }
        guard prefixLength > 0 else { return nil }
        var end = i + prefixLength
        while end < n, !chars[end].isWhitespace, !"<>\"`".contains(chars[end]) { end += 1 }
        while end > i + prefixLength {
            let last = chars[end - 1]
            if ".,;:!?'*_~]…".contains(last) {
                end -= 1
                continue
            }
            if last == ")" {
                let opens = chars[i..<end].filter { $0 == "(" }.count
                let closes = chars[i..<end].filter { $0 == ")" }.count
                if closes > opens {
                    end -= 1
                    continue
                }
            }
            break
        }
        return end > i + prefixLength ? end : nil
    }

    static func isPunctuation(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }

    /// CommonMark flanking rules; `_` cannot open or close inside a word.
    static func delimiter(_ c: Character, count: Int, before: Character?, after: Character?) -> Delimiter {
        let beforeSpace = before?.isWhitespace ?? true
        let afterSpace = after?.isWhitespace ?? true
        let beforePunct = before.map(isPunctuation) ?? false
        let afterPunct = after.map(isPunctuation) ?? false
        let left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        let canOpen = c == "*" ? left : left && (!right || beforePunct)
        let canClose = c == "*" ? right : right && (!left || afterPunct)
        return Delimiter(char: c, original: count, count: count, canOpen: canOpen, canClose: canClose)
    }

    /// The CommonMark "process emphasis" algorithm over a linked list of delimiters.
    static func resolveEmphasis(_ delimiters: inout [Delimiter]) {
        let m = delimiters.count
        guard m > 1 else { return }
        var prev = Array(-1..<(m - 1))
        var next = Array(1...m) // m means none
        func remove(_ x: Int) {
            let p = prev[x], q = next[x]
            if p >= 0 { next[p] = q }
            if q < m { prev[q] = p }
        }
        var bottom = [Int](repeating: -1, count: 12)
        var current = 0
        while current < m {
            let closer = delimiters[current]
            guard closer.canClose else {
                current = next[current]
                continue
            }
            let key = (closer.char == "*" ? 0 : 6) + (closer.canOpen ? 3 : 0) + closer.original % 3
            var candidate = prev[current]
            var found = -1
            while candidate >= 0, candidate > bottom[key] {
                let opener = delimiters[candidate]
                if opener.char == closer.char, opener.canOpen {
                    let both = opener.canClose || closer.canOpen
                    let sum = opener.original + closer.original
                    let odd = both && sum % 3 == 0 && !(opener.original % 3 == 0 && closer.original % 3 == 0)
                    if !odd {
                        found = candidate
                        break
                    }
                }
                candidate = prev[candidate]
            }
            if found >= 0 {
                let use = delimiters[found].count >= 2 && delimiters[current].count >= 2 ? 2 : 1
                let tag: Emphasis = use == 2 ? .strong : .em
                delimiters[found].count -= use
                delimiters[current].count -= use
                delimiters[found].opens.insert(tag, at: 0)
                delimiters[current].closes.append(tag)
                next[found] = current // delimiters in between become plain text
                prev[current] = found
                if delimiters[found].count == 0 { remove(found) }
                if delimiters[current].count == 0 {
                    let after = next[current]
                    remove(current)
                    current = after
                }
            } else {
                bottom[key] = prev[current]
                let after = next[current]
                if !closer.canOpen { remove(current) }
                current = after
            }
        }
    }

    /// What a link shows in plain text: the address without `mailto:`.
    static func display(_ url: String) -> String {
        url.lowercased().hasPrefix("mailto:") ? String(url.dropFirst(7)) : url
    }

    // MARK: - HTML

    static func render(_ blocks: [Block], tight: Bool = false) -> String {
        blocks.map { render($0, tight: tight) }.joined(separator: "\n")
    }

    static func render(_ block: Block, tight: Bool) -> String {
        switch block {
        case .heading(let level, let text):
            let tag = "h\(min(level + 1, 6))"
            return "<\(tag)>\(render(inline(text)))</\(tag)>"
        case .paragraph(let text):
            let content = render(inline(text))
            return tight ? content : "<p>\(content)</p>"
        case .list(let ordered, let start, let items):
            let open = ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>"
            let lines = items.map { "<li>" + render($0.blocks, tight: $0.tight) + "</li>" }
            return ([open] + lines + [ordered ? "</ol>" : "</ul>"]).joined(separator: "\n")
        case .quote(let inner):
            return inner.isEmpty ? "<blockquote></blockquote>" : "<blockquote>\n\(render(inner))\n</blockquote>"
        case .code(let text):
            return "<pre><code>\(escape(text))</code></pre>"
        case .rule:
            return "<hr>"
        }
    }

    static func render(_ run: Run) -> String {
        var out = ""
        for piece in run.pieces {
            switch piece {
            case .text(let text):
                out += escape(text)
            case .code(let text):
                out += "<code>\(escape(text))</code>"
            case .lineBreak:
                out += "<br>"
            case .delimiter(let k):
                let d = run.delimiters[k]
                for tag in d.closes { out += "</\(tag.rawValue)>" }
                out += String(repeating: d.char, count: d.count)
                for tag in d.opens { out += "<\(tag.rawValue)>" }
            case .link(let label, let url):
                let text = render(label)
                out += "<a href=\"\(escape(url))\" rel=\"nofollow noopener\">"
                    + (text.isEmpty ? escape(display(url)) : text) + "</a>"
            case .unlinked(let label):
                out += render(label)
            }
        }
        return out
    }

    // MARK: - Plain text

    struct PlainStyle {
        /// Links as `text (url)` rather than `text`.
        var urls: Bool
        /// `- `, `1. ` and `> ` prefixes, `---` for rules.
        var markers: Bool
    }

    static func plain(_ blocks: [Block], style: PlainStyle, separator: String) -> String {
        blocks.map { plain($0, style: style) }.filter { !$0.isEmpty }.joined(separator: separator)
    }

    static func plain(_ block: Block, style: PlainStyle) -> String {
        switch block {
        case .heading(_, let text), .paragraph(let text):
            return plain(inline(text), style: style)
        case .list(let ordered, let start, let items):
            return items.enumerated().map { index, item in
                let marker = style.markers ? (ordered ? "\(start + index). " : "- ") : ""
                let body = plain(item.blocks, style: style, separator: item.tight ? "\n" : "\n\n")
                let pad = String(repeating: " ", count: marker.count)
                return marker + body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { $0 == 0 || $1.isEmpty ? String($1) : pad + $1 }.joined(separator: "\n")
            }.joined(separator: "\n")
        case .quote(let inner):
            let body = plain(inner, style: style, separator: "\n\n")
            guard style.markers else { return body }
            return body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .code(let text):
            return text
        case .rule:
            return style.markers ? "---" : ""
        }
    }

    static func plain(_ run: Run, style: PlainStyle) -> String {
        var out = ""
        for piece in run.pieces {
            switch piece {
            case .text(let text), .code(let text):
                out += text
            case .lineBreak:
                out += "\n"
            case .delimiter(let k):
                out += String(repeating: run.delimiters[k].char, count: run.delimiters[k].count)
            case .link(let label, let url):
                let text = plain(label, style: style)
                let shown = display(url)
                if text.isEmpty || text == url || text == shown {
                    out += shown
                } else {
                    out += style.urls ? "\(text) (\(shown))" : text
                }
            case .unlinked(let label):
                out += plain(label, style: style)
            }
        }
        return out
    }
}
