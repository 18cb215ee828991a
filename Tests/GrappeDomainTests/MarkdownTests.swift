import Testing
@testable import GrappeDomain

@Suite struct MarkdownTests {
    @Test func escapesRawHTML() {
        #expect(Markdown.html("<script>alert('x')</script>")
            == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
        #expect(Markdown.html("<img src=x onerror=\"alert(1)\">")
            == "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>")
        #expect(Markdown.html("Tom & Jerry > 3") == "<p>Tom &amp; Jerry &gt; 3</p>")
        #expect(Markdown.html("&amp;") == "<p>&amp;amp;</p>")
        #expect(Markdown.html("") == "")
        #expect(Markdown.html("  \n\n ") == "")
    }

    @Test func paragraphsAndNewlines() {
        #expect(Markdown.html("Bonjour,\nà tous.") == "<p>Bonjour,<br>à tous.</p>")
        #expect(Markdown.html("Un.\r\n\r\nDeux.") == "<p>Un.</p>\n<p>Deux.</p>")
        #expect(Markdown.html("  indenté  \n\n\n\nsuite") == "<p>indenté</p>\n<p>suite</p>")
    }

    @Test func headingsAreShiftedByOneLevel() {
        #expect(Markdown.html("# Titre") == "<h2>Titre</h2>")
        #expect(Markdown.html("## Sous-titre ##") == "<h3>Sous-titre</h3>")
        #expect(Markdown.html("### Trois\n#### Quatre") == "<h4>Trois</h4>\n<h5>Quatre</h5>")
        #expect(Markdown.html("##### Cinq") == "<h6>Cinq</h6>")
        #expect(Markdown.html("#pas un titre") == "<p>#pas un titre</p>")
        #expect(Markdown.html("# C'est *bon* <b>") == "<h2>C&#39;est <em>bon</em> &lt;b&gt;</h2>")
        #expect(Markdown.html("Texte\n# Titre") == "<p>Texte</p>\n<h2>Titre</h2>")
    }

    @Test func emphasis() {
        #expect(Markdown.html("**gras** et *italique* et _aussi_")
            == "<p><strong>gras</strong> et <em>italique</em> et <em>aussi</em></p>")
        #expect(Markdown.html("**gras et *italique***") == "<p><strong>gras et <em>italique</em></strong></p>")
        #expect(Markdown.html("*italique et **gras***") == "<p><em>italique et <strong>gras</strong></em></p>")
        #expect(Markdown.html("***les deux***") == "<p><em><strong>les deux</strong></em></p>")
        #expect(Markdown.html("snake_case_name") == "<p>snake_case_name</p>")
        #expect(Markdown.html("**non fermé") == "<p>**non fermé</p>")
        #expect(Markdown.html("2 * 3 * 4") == "<p>2 * 3 * 4</p>")
        #expect(Markdown.html("\\*pas d'italique\\*") == "<p>*pas d&#39;italique*</p>")
        #expect(Markdown.html("*a\nb*") == "<p><em>a<br>b</em></p>")
    }

    @Test func lists() {
        #expect(Markdown.html("- un\n- deux") == "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>")
        #expect(Markdown.html("* un\n* *deux*") == "<ul>\n<li>un</li>\n<li><em>deux</em></li>\n</ul>")
        #expect(Markdown.html("1. un\n2. deux") == "<ol>\n<li>un</li>\n<li>deux</li>\n</ol>")
        #expect(Markdown.html("3. trois\n4. quatre") == "<ol start=\"3\">\n<li>trois</li>\n<li>quatre</li>\n</ol>")
        #expect(Markdown.html("- un\n- deux\n  - deux.un\n- trois")
            == "<ul>\n<li>un</li>\n<li>deux\n<ul>\n<li>deux.un</li>\n</ul></li>\n<li>trois</li>\n</ul>")
        #expect(Markdown.html("Intro :\n- a\n- b\n\nFin")
            == "<p>Intro :</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>Fin</p>")
        #expect(Markdown.html("- a\n\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>")
        #expect(Markdown.html("1. a\n\n   suite\n2. b") == "<ol>\n<li><p>a</p>\n<p>suite</p></li>\n<li>b</li>\n</ol>")
        #expect(Markdown.html("- <b>x</b>") == "<ul>\n<li>&lt;b&gt;x&lt;/b&gt;</li>\n</ul>")
        #expect(Markdown.html("-pas une liste") == "<p>-pas une liste</p>")
    }

    @Test func quotesAndRules() {
        #expect(Markdown.html("> cité\n> encore") == "<blockquote>\n<p>cité<br>encore</p>\n</blockquote>")
        #expect(Markdown.html("> a\n>\n> - b")
            == "<blockquote>\n<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n</blockquote>")
        #expect(Markdown.html("a\n\n---\n\nb") == "<p>a</p>\n<hr>\n<p>b</p>")
        #expect(Markdown.html("---") == "<hr>")
        #expect(Markdown.html("--") == "<p>--</p>")
    }

    @Test func codeIsEscapedAndNotParsed() {
        #expect(Markdown.html("`<b>` et `` a`b ``") == "<p><code>&lt;b&gt;</code> et <code>a`b</code></p>")
        #expect(Markdown.html("`**pas gras** [x](https://a.nc)`")
            == "<p><code>**pas gras** [x](https://a.nc)</code></p>")
        #expect(Markdown.html("`non fermé") == "<p>`non fermé</p>")
        #expect(Markdown.html("```swift\nlet a = \"<b>\" && b\n\n*x*\n```")
            == "<pre><code>let a = &quot;&lt;b&gt;&quot; &amp;&amp; b\n\n*x*</code></pre>")
        #expect(Markdown.html("```\n<script>\n") == "<pre><code>&lt;script&gt;</code></pre>")
    }

    @Test func allowedLinks() {
        #expect(Markdown.html("[Site](https://open.nc)")
            == "<p><a href=\"https://open.nc\" rel=\"nofollow noopener\">Site</a></p>")
        #expect(Markdown.html("[Site](http://open.nc/a_b)")
            == "<p><a href=\"http://open.nc/a_b\" rel=\"nofollow noopener\">Site</a></p>")
        #expect(Markdown.html("[Écrire](mailto:contact@open.nc)")
            == "<p><a href=\"mailto:contact@open.nc\" rel=\"nofollow noopener\">Écrire</a></p>")
        #expect(Markdown.html("[**gras** lien]( HTTPS://open.nc \"titre\" )")
            == "<p><a href=\"HTTPS://open.nc\" rel=\"nofollow noopener\"><strong>gras</strong> lien</a></p>")
        #expect(Markdown.html("**[gras](https://a.nc)**")
            == "<p><strong><a href=\"https://a.nc\" rel=\"nofollow noopener\">gras</a></strong></p>")
        #expect(Markdown.html("[Wiki](https://fr.wikipedia.org/wiki/Nouméa_(ville))")
            == "<p><a href=\"https://fr.wikipedia.org/wiki/Nouméa_(ville)\" rel=\"nofollow noopener\">Wiki</a></p>")
        #expect(Markdown.html("[](https://a.nc)")
            == "<p><a href=\"https://a.nc\" rel=\"nofollow noopener\">https://a.nc</a></p>")
        #expect(Markdown.html("[pas de lien] (https://a.nc)").hasPrefix("<p>[pas de lien] ("))
    }

    @Test func quotesInLinksAreEscaped() {
        #expect(Markdown.html("[a\"b'c](https://x.nc)")
            == "<p><a href=\"https://x.nc\" rel=\"nofollow noopener\">a&quot;b&#39;c</a></p>")
        #expect(Markdown.html("[Site](https://open.nc/?a=1&b=\"2\")")
            == "<p><a href=\"https://open.nc/?a=1&amp;b=&quot;2&quot;\" rel=\"nofollow noopener\">Site</a></p>")
        #expect(Markdown.html("[x](https://a.nc/\"onmouseover=\"alert(1))")
            == "<p><a href=\"https://a.nc/&quot;onmouseover=&quot;alert(1)\" rel=\"nofollow noopener\">x</a></p>")
        #expect(Markdown.html("[x](https://a.nc/'><script>)")
            == "<p><a href=\"https://a.nc/&#39;&gt;&lt;script&gt;\" rel=\"nofollow noopener\">x</a></p>")
    }

    @Test func dangerousLinksAreRefused() {
        #expect(Markdown.html("[clic](javascript:alert(1))") == "<p>clic</p>")
        #expect(Markdown.html("[clic](JAVASCRIPT:alert(1))") == "<p>clic</p>")
        #expect(Markdown.html("[clic](  JavaScript:alert(1)  )") == "<p>clic</p>")
        #expect(Markdown.html("[clic](<javascript:alert(1)>)") == "<p>clic</p>")
        #expect(Markdown.html("[clic](data:text/html;base64,PHNjcmlwdD4=)") == "<p>clic</p>")
        #expect(Markdown.html("[clic](vbscript:msgbox)") == "<p>clic</p>")
        #expect(Markdown.html("[clic](www.open.nc)") == "<p>clic</p>")
        #expect(Markdown.html("[clic](//evil.example)") == "<p>clic</p>")
        #expect(Markdown.html("[clic](https://)") == "<p>clic</p>")
        #expect(Markdown.html("[*clic*](java\tscript:x)") == "<p><em>clic</em></p>")
        #expect(!Markdown.html("[a](javascript:alert(1)) [b](data:x)").contains("href"))
    }

    @Test func linksDoNotNest() {
        #expect(Markdown.html("[a [b](https://b.nc)](https://a.nc)")
            == "<p><a href=\"https://a.nc\" rel=\"nofollow noopener\">a [b](https://b.nc)</a></p>")
    }

    @Test func bareLinks() {
        #expect(Markdown.html("Voir https://open.nc/page.")
            == "<p>Voir <a href=\"https://open.nc/page\" rel=\"nofollow noopener\">https://open.nc/page</a>.</p>")
        #expect(Markdown.html("(https://a.nc/x_(y))")
            == "<p>(<a href=\"https://a.nc/x_(y)\" rel=\"nofollow noopener\">https://a.nc/x_(y)</a>)</p>")
        #expect(Markdown.html("xhttps://a.nc") == "<p>xhttps://a.nc</p>")
        #expect(Markdown.html("https://") == "<p>https://</p>")
    }

    @Test func plainText() {
        let source = """
        # Actualités

        Le **salon** a lieu [ici](https://open.nc).
        À bientôt.

        - un
        - deux
          - sous

        1. premier
        2. second

        > cité

        ```
        code <x>
        ```

        ---

        [Écrire](mailto:contact@open.nc), https://open.nc ou [piège](javascript:x)
        """
        #expect(Markdown.plainText(source) == """
        Actualités

        Le salon a lieu ici (https://open.nc).
        À bientôt.

        - un
        - deux
          - sous

        1. premier
        2. second

        > cité

        code <x>

        ---

        Écrire (contact@open.nc), https://open.nc ou piège
        """)
        #expect(Markdown.plainText("<b>brut</b> & *x*") == "<b>brut</b> & x")
        #expect(Markdown.plainText("") == "")
    }

    @Test func excerpt() {
        let source = "# Salon\n\nLe **salon** du numérique a lieu [ici](https://open.nc) le 12 juin."
        #expect(Markdown.excerpt(source, maxLength: 200) == "Salon Le salon du numérique a lieu ici le 12 juin.")
        #expect(Markdown.excerpt(source, maxLength: 28) == "Salon Le salon du numérique…")
        #expect(Markdown.excerpt(source, maxLength: 30) == "Salon Le salon du numérique a…")
        #expect(Markdown.excerpt(source, maxLength: 31) == "Salon Le salon du numérique a…")
        #expect((1...60).allSatisfy { Markdown.excerpt(source, maxLength: $0).count <= $0 })
        #expect(Markdown.excerpt("Un, deux, trois", maxLength: 9) == "Un, deux…")
        #expect(Markdown.excerpt("Un, deux, trois", maxLength: 8) == "Un…")
        #expect(Markdown.excerpt("Anticonstitutionnellement", maxLength: 6) == "Antic…")
        #expect(Markdown.excerpt("- a\n- b\n\n> c", maxLength: 50) == "a b c")
        #expect(Markdown.excerpt("court", maxLength: 5) == "court")
        #expect(Markdown.excerpt("court", maxLength: 0) == "")
    }
}
