/// A hand-written guide with every block kind, shared by the Markdown and
/// Guide tests. Line numbers and byte offsets in the tests were counted
/// by hand against this text.
enum GuideFixture {
    static let frontMatter = """
        ---
        title: Sensoren im Ortskern
        number: 07
        ---

        """

    /// The Markdown body; line 1 of `body` is line 5 of `file`.
    static let body = """
        # Sensoren im Ortskern

        Die Stadt misst z. B. Lärm. Wer liest die Werte?

        - Planung
        - Umsetzung
          1. Montage

        | Ort | Zahl |
        |-----|-----:|
        | Olpe | 3 |

        > Ein Zitat.

        ```text
        roh
        ```

            eingerückt

        <div>Hinweis</div>

        ---

        """

    static let file = frontMatter + body
}
