import Testing

@testable import PfadGuides

@Suite struct HTMLRendererTests {
    @Test func rendersTablesStrikethroughAndAutolinksSafely() throws {
        let markdown = """
            # Ladepunkte

            Die Stadt baut **zwölf** neue Säulen, ~~acht~~ mehr. Infos: www.olpe.de

            | Ort | Anzahl |
            |-----|-------:|
            | Olpe | 4 |

            <script>alert(1)</script>

            [Karte](javascript:alert(1)) und Text mit <b>HTML</b>.

            """
        let expected = """
            <h1>Ladepunkte</h1>
            <p>Die Stadt baut <strong>zwölf</strong> neue Säulen, <del>acht</del> mehr. Infos: <a href="http://www.olpe.de">www.olpe.de</a></p>
            <table>
            <thead>
            <tr>
            <th>Ort</th>
            <th align="right">Anzahl</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>Olpe</td>
            <td align="right">4</td>
            </tr>
            </tbody>
            </table>
            <!-- raw HTML omitted -->
            <p><a href="">Karte</a> und Text mit <!-- raw HTML omitted -->HTML<!-- raw HTML omitted -->.</p>

            """
        #expect(try HTMLRenderer.render(markdown) == expected)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        #expect(try HTMLRenderer.render([0x41, 0xFF, 0x42]) == "<p>A\u{FFFD}B</p>\n")
    }

    @Test func emptyDocumentIsEmpty() throws {
        #expect(try HTMLRenderer.render("") == "")
    }
}
