// Port of CPython 3.14's Lib/test/test_htmlparser.py (RustPython/RustPython cc1e55e), line by line.
// The event collectors are TypeScript subclasses of our HTMLParser; events and attribute pairs are Python tuples
// (`tuple(...)`), lists are arrays, and `events != expected_events` is Python's `==` (`eq`). A method decorated
// with `@support.subTests` runs each of its parameter sets in a `subTest`, as the decorator does.
import { eq, repr, type Tuple, tuple } from "@pyweb/std";
import * as html_parser from "@pyweb/std/html/parser";
import type { Attr, HTMLParserOptions } from "@pyweb/std/html/parser";
import { assertEqual, assertTrue, subTest, TestFailure } from "./_unittest.ts";

type Event = Tuple<unknown>;

const SAMPLE_RCDATA = "<!-- not a comment -->" +
  "<not a='start tag'>" +
  "<![CDATA[not a cdata]]>" +
  "<!not a bogus comment>" +
  "</not a bogus comment>" +
  "\u2603";

const SAMPLE_RAWTEXT = SAMPLE_RCDATA + "&amp;&#9786;";

interface EventCollectorOptions extends HTMLParserOptions {
  autocdata?: boolean;
}

class EventCollector extends html_parser.HTMLParser {
  autocdata: boolean;
  events: Event[];
  append: (event: Event) => void;

  constructor({ autocdata = false, ...kw }: EventCollectorOptions = {}) {
    // Python sets these three before calling HTMLParser.__init__; TypeScript sets them after super()
    // (HTMLParser's constructor reports no event).
    super(kw);
    this.autocdata = autocdata;
    this.events = [];
    const events = this.events;
    this.append = (event) => void events.push(event); // self.events.append, bound to the first list
    if (autocdata) {
      this._set_support_cdata(false);
    }
  }

  get_events(): Event[] {
    // Normalize the list of events so that buffer artefacts don't
    // separate runs of contiguous characters.
    const L: Event[] = [];
    let prevtype: unknown = null;
    for (const event of this.events) {
      const type = event[0];
      if (type === prevtype && prevtype === "data") {
        L[L.length - 1] = tuple("data", (L[L.length - 1][1] as string) + (event[1] as string));
      } else {
        L.push(event);
      }
      prevtype = type;
    }
    this.events = L;
    return L;
  }

  // structure markup

  override handle_starttag(tag: string, attrs: Attr[]): void {
    this.append(tuple("starttag", tag, attrs));
    if (this.autocdata && tag === "svg") {
      this._set_support_cdata(true);
    }
  }

  override handle_startendtag(tag: string, attrs: Attr[]): void {
    this.append(tuple("startendtag", tag, attrs));
  }

  override handle_endtag(tag: string): void {
    this.append(tuple("endtag", tag));
    if (this.autocdata && tag === "svg") {
      this._set_support_cdata(false);
    }
  }

  // all other markup

  override handle_comment(data: string): void {
    this.append(tuple("comment", data));
  }

  override handle_charref(data: string): void {
    this.append(tuple("charref", data));
  }

  override handle_data(data: string): void {
    this.append(tuple("data", data));
  }

  override handle_decl(data: string): void {
    this.append(tuple("decl", data));
  }

  override handle_entityref(data: string): void {
    this.append(tuple("entityref", data));
  }

  override handle_pi(data: string): void {
    this.append(tuple("pi", data));
  }

  override unknown_decl(decl: string): void {
    this.append(tuple("unknown decl", decl));
  }
}

class EventCollectorExtra extends EventCollector {
  override handle_starttag(tag: string, attrs: Attr[]): void {
    EventCollector.prototype.handle_starttag.call(this, tag, attrs);
    this.append(tuple("starttag_text", this.get_starttag_text()));
  }
}

class EventCollectorCharrefs extends EventCollector {
  // `self.fail(...)` in CPython: the parser has no `fail`, so the call raises either way.
  override handle_charref(_data: string): void {
    throw new TestFailure("This should never be called with convert_charrefs=True");
  }

  override handle_entityref(_data: string): void {
    throw new TestFailure("This should never be called with convert_charrefs=True");
  }
}

// The normal event collector normalizes the events in get_events,
// so we override it to return the original list of events.
class EventCollectorNoNormalize extends EventCollector {
  override get_events(): Event[] {
    return this.events;
  }
}

class TestCaseBase {
  fail(msg: string): never {
    throw new TestFailure(msg);
  }

  get_collector(convert_charrefs = false): EventCollector {
    return new EventCollector({ convert_charrefs });
  }

  _run_check(
    source: string | string[],
    expected_events: unknown[],
    { collector = null, convert_charrefs = false }: {
      collector?: EventCollector | null;
      convert_charrefs?: boolean;
    } = {},
  ): void {
    if (collector === null) {
      collector = this.get_collector(convert_charrefs);
      if (typeof source === "string") {
        // Also feed the whole string at once, not just character by
        // character (below), to exercise different input buffering.
        this._run_check([source], expected_events, { convert_charrefs });
      }
    }
    const parser = collector;
    for (const s of source) {
      parser.feed(s);
    }
    parser.close();
    const events = parser.get_events();
    if (!eq(events, expected_events)) {
      this.fail(
        "received events did not match expected events" +
          "\nSource:\n" + repr(source) +
          "\nExpected:\n" + repr(expected_events) +
          "\nReceived:\n" + repr(events),
      );
    }
  }

  _run_check_extra(source: string | string[], events: unknown[]): void {
    this._run_check(source, events, { collector: new EventCollectorExtra({ convert_charrefs: false }) });
  }
}

/** `@support.subTests(name, values)` with one parameter. */
function subTests<T>(name: string, values: T[], fn: (value: T) => void): void {
  for (const value of values) subTest({ [name]: value }, () => fn(value));
}

class HTMLParserTestCase extends TestCaseBase {
  test_processing_instruction_only() {
    this._run_check("<?processing instruction>", [
      tuple("pi", "processing instruction"),
    ]);
    this._run_check("<?processing instruction ?>", [
      tuple("pi", "processing instruction ?"),
    ]);
  }

  test_simple_html() {
    this._run_check(
      `
<!DOCTYPE html PUBLIC 'foo'>
<HTML>&entity;&#32;
<!--comment1a
-></foo><bar>&lt;<?pi?></foo<bar
comment1b-->
<Img sRc='Bar' isMAP>sample
text
&#x201C;
<!--comment2a-- --comment2b-->
</Html>
`,
      [
        tuple("data", "\n"),
        tuple("decl", "DOCTYPE html PUBLIC 'foo'"),
        tuple("data", "\n"),
        tuple("starttag", "html", []),
        tuple("entityref", "entity"),
        tuple("charref", "32"),
        tuple("data", "\n"),
        tuple("comment", "comment1a\n-></foo><bar>&lt;<?pi?></foo<bar\ncomment1b"),
        tuple("data", "\n"),
        tuple("starttag", "img", [tuple("src", "Bar"), tuple("ismap", null)]),
        tuple("data", "sample\ntext\n"),
        tuple("charref", "x201C"),
        tuple("data", "\n"),
        tuple("comment", "comment2a-- --comment2b"),
        tuple("data", "\n"),
        tuple("endtag", "html"),
        tuple("data", "\n"),
      ],
    );
  }

  test_malformatted_charref() {
    this._run_check("<p>&#bad;</p>", [
      tuple("starttag", "p", []),
      tuple("data", "&#bad;"),
      tuple("endtag", "p"),
    ]);
    // add the [] as a workaround to avoid buffering (see #20288)
    this._run_check(["<div>&#bad;</div>"], [
      tuple("starttag", "div", []),
      tuple("data", "&#bad;"),
      tuple("endtag", "div"),
    ]);
  }

  test_unclosed_entityref() {
    this._run_check("&gt &lt;", [tuple("entityref", "gt"), tuple("data", " "), tuple("entityref", "lt")], {
      convert_charrefs: false,
    });
    this._run_check("&gt &lt;", [tuple("data", "> <")], { convert_charrefs: true });

    this._run_check(
      "&undefined &lt;",
      [tuple("entityref", "undefined"), tuple("data", " "), tuple("entityref", "lt")],
      { convert_charrefs: false },
    );
    this._run_check("&undefined &lt;", [tuple("data", "&undefined <")], { convert_charrefs: true });

    this._run_check(
      "&gtundefined &lt;",
      [tuple("entityref", "gtundefined"), tuple("data", " "), tuple("entityref", "lt")],
      { convert_charrefs: false },
    );
    this._run_check("&gtundefined &lt;", [tuple("data", ">undefined <")], { convert_charrefs: true });

    this._run_check("& &lt;", [tuple("data", "& "), tuple("entityref", "lt")], { convert_charrefs: false });
    this._run_check("& &lt;", [tuple("data", "& <")], { convert_charrefs: true });
  }

  test_eof_in_entityref() {
    this._run_check("&gt", [tuple("entityref", "gt")], { convert_charrefs: false });
    this._run_check("&gt", [tuple("data", ">")], { convert_charrefs: true });

    this._run_check("&g", [tuple("entityref", "g")], { convert_charrefs: false });
    this._run_check("&g", [tuple("data", "&g")], { convert_charrefs: true });

    this._run_check("&undefined", [tuple("entityref", "undefined")], { convert_charrefs: false });
    this._run_check("&undefined", [tuple("data", "&undefined")], { convert_charrefs: true });

    this._run_check("&gtundefined", [tuple("entityref", "gtundefined")], { convert_charrefs: false });
    this._run_check("&gtundefined", [tuple("data", ">undefined")], { convert_charrefs: true });

    this._run_check("&", [tuple("data", "&")], { convert_charrefs: false });
    this._run_check("&", [tuple("data", "&")], { convert_charrefs: true });
  }

  test_unclosed_charref() {
    this._run_check("&#123 &lt;", [tuple("charref", "123"), tuple("data", " "), tuple("entityref", "lt")], {
      convert_charrefs: false,
    });
    this._run_check("&#123 &lt;", [tuple("data", "{ <")], { convert_charrefs: true });
    this._run_check("&#xab &lt;", [tuple("charref", "xab"), tuple("data", " "), tuple("entityref", "lt")], {
      convert_charrefs: false,
    });
    this._run_check("&#xab &lt;", [tuple("data", "\xab <")], { convert_charrefs: true });

    this._run_check(
      "&#123456789 &lt;",
      [tuple("charref", "123456789"), tuple("data", " "), tuple("entityref", "lt")],
      { convert_charrefs: false },
    );
    this._run_check("&#123456789 &lt;", [tuple("data", "\ufffd <")], { convert_charrefs: true });
    this._run_check(
      "&#x123456789 &lt;",
      [tuple("charref", "x123456789"), tuple("data", " "), tuple("entityref", "lt")],
      { convert_charrefs: false },
    );
    this._run_check("&#x123456789 &lt;", [tuple("data", "\ufffd <")], { convert_charrefs: true });

    this._run_check("&# &lt;", [tuple("data", "&# "), tuple("entityref", "lt")], { convert_charrefs: false });
    this._run_check("&# &lt;", [tuple("data", "&# <")], { convert_charrefs: true });
    this._run_check("&#x &lt;", [tuple("data", "&#x "), tuple("entityref", "lt")], {
      convert_charrefs: false,
    });
    this._run_check("&#x &lt;", [tuple("data", "&#x <")], { convert_charrefs: true });
  }

  test_eof_in_charref() {
    this._run_check("&#123", [tuple("charref", "123")], { convert_charrefs: false });
    this._run_check("&#123", [tuple("data", "{")], { convert_charrefs: true });
    this._run_check("&#xab", [tuple("charref", "xab")], { convert_charrefs: false });
    this._run_check("&#xab", [tuple("data", "\xab")], { convert_charrefs: true });

    this._run_check("&#123456789", [tuple("charref", "123456789")], { convert_charrefs: false });
    this._run_check("&#123456789", [tuple("data", "\ufffd")], { convert_charrefs: true });
    this._run_check("&#x123456789", [tuple("charref", "x123456789")], { convert_charrefs: false });
    this._run_check("&#x123456789", [tuple("data", "\ufffd")], { convert_charrefs: true });

    this._run_check("&#", [tuple("data", "&#")], { convert_charrefs: false });
    this._run_check("&#", [tuple("data", "&#")], { convert_charrefs: true });
    this._run_check("&#x", [tuple("data", "&#x")], { convert_charrefs: false });
    this._run_check("&#x", [tuple("data", "&#x")], { convert_charrefs: true });
  }

  test_bad_nesting() {
    // Strangely, this *is* supposed to test that overlapping
    // elements are allowed.  HTMLParser is more geared toward
    // lexing the input that parsing the structure.
    this._run_check("<a><b></a></b>", [
      tuple("starttag", "a", []),
      tuple("starttag", "b", []),
      tuple("endtag", "a"),
      tuple("endtag", "b"),
    ]);
  }

  test_bare_ampersands() {
    this._run_check("this text & contains & ampersands &", [
      tuple("data", "this text & contains & ampersands &"),
    ]);
  }

  test_bare_pointy_brackets() {
    this._run_check("this < text > contains < bare>pointy< brackets", [
      tuple("data", "this < text > contains < bare>pointy< brackets"),
    ]);
  }

  test_starttag_end_boundary() {
    this._run_check(`<a b='<'>`, [tuple("starttag", "a", [tuple("b", "<")])]);
    this._run_check(`<a b='>'>`, [tuple("starttag", "a", [tuple("b", ">")])]);
  }

  test_buffer_artefacts() {
    let output: unknown[] = [tuple("starttag", "a", [tuple("b", "<")])];
    this._run_check(["<a b='<'>"], output);
    this._run_check(["<a ", "b='<'>"], output);
    this._run_check(["<a b", "='<'>"], output);
    this._run_check(["<a b=", "'<'>"], output);
    this._run_check(["<a b='<", "'>"], output);
    this._run_check(["<a b='<'", ">"], output);

    output = [tuple("starttag", "a", [tuple("b", ">")])];
    this._run_check(["<a b='>'>"], output);
    this._run_check(["<a ", "b='>'>"], output);
    this._run_check(["<a b", "='>'>"], output);
    this._run_check(["<a b=", "'>'>"], output);
    this._run_check(["<a b='>", "'>"], output);
    this._run_check(["<a b='>'", ">"], output);

    output = [tuple("comment", "abc")];
    this._run_check(["", "<!--abc-->"], output);
    this._run_check(["<", "!--abc-->"], output);
    this._run_check(["<!", "--abc-->"], output);
    this._run_check(["<!-", "-abc-->"], output);
    this._run_check(["<!--", "abc-->"], output);
    this._run_check(["<!--a", "bc-->"], output);
    this._run_check(["<!--ab", "c-->"], output);
    this._run_check(["<!--abc", "-->"], output);
    this._run_check(["<!--abc-", "->"], output);
    this._run_check(["<!--abc--", ">"], output);
    this._run_check(["<!--abc-->", ""], output);
  }

  test_valid_doctypes() {
    // from http://www.w3.org/QA/2002/04/valid-dtd-list.html
    const dtds = [
      "HTML", // HTML5 doctype
      'HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" ' +
      '"http://www.w3.org/TR/html4/strict.dtd"',
      'HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" ' +
      '"http://www.w3.org/TR/html4/loose.dtd"',
      'html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" ' +
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"',
      'html PUBLIC "-//W3C//DTD XHTML 1.0 Frameset//EN" ' +
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-frameset.dtd"',
      'math PUBLIC "-//W3C//DTD MathML 2.0//EN" ' +
      '"http://www.w3.org/Math/DTD/mathml2/mathml2.dtd"',
      'html PUBLIC "-//W3C//DTD ' +
      'XHTML 1.1 plus MathML 2.0 plus SVG 1.1//EN" ' +
      '"http://www.w3.org/2002/04/xhtml-math-svg/xhtml-math-svg.dtd"',
      'svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ' +
      '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"',
      'html PUBLIC "-//IETF//DTD HTML 2.0//EN"',
      'html PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"',
    ];
    for (const dtd of dtds) {
      this._run_check(`<!DOCTYPE ${dtd}>`, [tuple("decl", "DOCTYPE " + dtd)]);
    }
  }

  test_startendtag() {
    this._run_check("<p/>", [
      tuple("startendtag", "p", []),
    ]);
    this._run_check("<p></p>", [
      tuple("starttag", "p", []),
      tuple("endtag", "p"),
    ]);
    this._run_check("<p><img src='foo' /></p>", [
      tuple("starttag", "p", []),
      tuple("startendtag", "img", [tuple("src", "foo")]),
      tuple("endtag", "p"),
    ]);
  }

  test_get_starttag_text() {
    const s = '<foo:bar   \n   one="1"\ttwo=2   >';
    this._run_check_extra(s, [
      tuple("starttag", "foo:bar", [tuple("one", "1"), tuple("two", "2")]),
      tuple("starttag_text", s),
    ]);
  }

  test_script_content() {
    subTests("content", [
      "<!-- not a comment --> &not-an-entity-ref;",
      "<not a='start tag'>",
      '<a href="" /> <p> <span></span>',
      'foo = "</scr" + "ipt>";',
      'foo = "</SCRIPT" + ">";',
      "foo = <\n/script> ",
      '<!-- document.write("</scr" + "ipt>"); -->',
      "\n//<![CDATA[\n" +
      "document.write('<s'+'cript type=\"text/javascript\" " +
      "src=\"http://www.example.org/r='+new " +
      "Date().getTime()+'\"><\\/s'+'cript>');\n//]]>",
      "\n<!-- //\nvar foo = 3.14;\n// -->\n",
      "<!-- \u2603 -->",
    ], (content) => {
      const s = `<script>${content}</script>`;
      this._run_check(s, [
        tuple("starttag", "script", []),
        tuple("data", content),
        tuple("endtag", "script"),
      ]);
    });
  }

  test_style_content() {
    subTests("content", [
      'a::before { content: "<!-- not a comment -->"; }',
      'a::before { content: "&not-an-entity-ref;"; }',
      "a::before { content: \"<not a='start tag'>\"; }",
      'a::before { content: "\u2603"; }',
    ], (content) => {
      const s = `<style>${content}</style>`;
      this._run_check(s, [
        tuple("starttag", "style", []),
        tuple("data", content),
        tuple("endtag", "style"),
      ]);
    });
  }

  test_rcdata_content() {
    subTests("tag", ["title", "textarea"], (tag) => {
      let source = `<${tag}>${SAMPLE_RCDATA}</${tag}>`;
      this._run_check(source, [
        tuple("starttag", tag, []),
        tuple("data", SAMPLE_RCDATA),
        tuple("endtag", tag),
      ]);
      source = `<${tag}>&amp;</${tag}>`;
      this._run_check(source, [
        tuple("starttag", tag, []),
        tuple("entityref", "amp"),
        tuple("endtag", tag),
      ]);
    });
  }

  test_rawtext_content() {
    subTests("tag", ["style", "xmp", "iframe", "noembed", "noframes", "script"], (tag) => {
      const source = `<${tag}>${SAMPLE_RAWTEXT}</${tag}>`;
      this._run_check(source, [
        tuple("starttag", tag, []),
        tuple("data", SAMPLE_RAWTEXT),
        tuple("endtag", tag),
      ]);
    });
  }

  test_noscript_content() {
    const source = `<noscript>${SAMPLE_RAWTEXT}</noscript>`;
    // scripting=False -- normal mode
    this._run_check(source, [
      tuple("starttag", "noscript", []),
      tuple("comment", " not a comment "),
      tuple("starttag", "not", [tuple("a", "start tag")]),
      tuple("unknown decl", "CDATA[not a cdata"),
      tuple("comment", "not a bogus comment"),
      tuple("endtag", "not"),
      tuple("data", "☃"),
      tuple("entityref", "amp"),
      tuple("charref", "9786"),
      tuple("endtag", "noscript"),
    ]);
    // scripting=True -- RAWTEXT mode
    this._run_check(source, [
      tuple("starttag", "noscript", []),
      tuple("data", SAMPLE_RAWTEXT),
      tuple("endtag", "noscript"),
    ], { collector: new EventCollector({ scripting: true }) });
  }

  test_plaintext_content() {
    const content = SAMPLE_RAWTEXT + "</plaintext>"; // not closing
    const source = `<plaintext>${content}`;
    this._run_check(source, [
      tuple("starttag", "plaintext", []),
      tuple("data", content),
    ]);
  }

  test_script_closing_tag() {
    subTests("endtag", [
      "script",
      "SCRIPT",
      "script ",
      "script\n",
      "script/",
      "script foo=bar",
      'script foo=">"',
    ], (endtag) => {
      // see issue #13358
      // make sure that HTMLParser calls handle_data only once for each CDATA.
      const content = `<!-- not a comment --> &not-an-entity-ref;
                  <a href="" /> </p><p> <span></span></style>
                  '</script' + '>'`;
      const s = `<ScrIPt>${content}</${endtag}>`;
      this._run_check(s, [
        tuple("starttag", "script", []),
        tuple("data", content),
        tuple("endtag", "script"),
      ], { collector: new EventCollectorNoNormalize({ convert_charrefs: false }) });
    });
  }

  test_closing_tag() {
    subTests("tag", [
      "script",
      "style",
      "xmp",
      "iframe",
      "noembed",
      "noframes",
      "textarea",
      "title",
      "noscript",
    ], (tag) => {
      for (
        const endtag of [
          tag,
          tag.toUpperCase(),
          `${tag} `,
          `${tag}\n`,
          `${tag}/`,
          `${tag} foo=bar`,
          `${tag} foo=">"`,
        ]
      ) {
        const content = "<!-- not a comment --><i>Spam</i>";
        const s = `<${tag.toUpperCase()}>${content}</${endtag}>`;
        this._run_check(s, [
          tuple("starttag", tag, []),
          tuple("data", content),
          tuple("endtag", tag),
        ], { collector: new EventCollectorNoNormalize({ convert_charrefs: false, scripting: true }) });
      }
    });
  }

  test_invalid_closing_tag() {
    subTests("tag", [
      "script",
      "style",
      "xmp",
      "iframe",
      "noembed",
      "noframes",
      "textarea",
      "title",
      "noscript",
    ], (tag) => {
      const content = `< /${tag}>` +
        `</ ${tag}>` +
        `</${tag}x>` +
        `</${tag}\v>` +
        `</${tag}\xa0>`;
      const source = `<${tag}>${content}</${tag}>`;
      this._run_check(source, [
        tuple("starttag", tag, []),
        tuple("data", content),
        tuple("endtag", tag),
      ], { collector: new EventCollector({ convert_charrefs: false, scripting: true }) });
    });
  }

  test_invalid_nonascii_closing_tag() {
    const params: [string, string][] = [
      ["title", "tıtle"],
      ["style", "ſtyle"],
      ["style", "ﬅyle"],
      ["style", "ﬆyle"],
      ["iframe", "ıframe"],
      ["noframes", "noframeſ"],
      ["noscript", "noſcript"],
      ["noscript", "noscrıpt"],
      ["script", "ſcript"],
      ["script", "scrıpt"],
    ];
    for (const [tag, endtag] of params) {
      subTest({ tag, endtag }, () => {
        const content = `<br></${endtag}>`;
        let source = `<${tag}>${content}`;
        this._run_check(source, [
          tuple("starttag", tag, []),
          tuple("data", content),
        ], { collector: new EventCollector({ convert_charrefs: false, scripting: true }) });
        source = `<${tag}>${content}</${tag}>`;
        this._run_check(source, [
          tuple("starttag", tag, []),
          tuple("data", content),
          tuple("endtag", tag),
        ], { collector: new EventCollector({ convert_charrefs: false, scripting: true }) });
      });
    }
  }

  test_eof_in_script() {
    const params: [string, boolean][] = [
      ["", false],
      ["<", false],
      ["</", false],
      ["</s", false],
      ["</script", false],
      ["</script ", true],
      ["</script foo=bar", true],
      ['</script foo=">', true],
    ];
    for (const [tail, end] of params) {
      subTest({ tail, end }, () => {
        const content = "a = 123";
        const s = `<ScrIPt>${content}${tail}`;
        this._run_check(s, [
          tuple("starttag", "script", []),
          tuple("data", end ? content : content + tail),
        ], { collector: new EventCollectorNoNormalize({ convert_charrefs: false }) });
      });
    }
  }

  test_eof_in_title() {
    const params: [string, boolean][] = [
      ["", false],
      ["<", false],
      ["</", false],
      ["</t", false],
      ["</title", false],
      ["</title ", true],
      ["</title foo=bar", true],
      ['</title foo=">', true],
    ];
    for (const [tail, end] of params) {
      subTest({ tail, end }, () => {
        const s = `<TitLe>Egg &amp; Spam${tail}`;
        this._run_check(s, [
          tuple("starttag", "title", []),
          tuple("data", "Egg & Spam" + (end ? "" : tail)),
        ], { collector: new EventCollectorNoNormalize({ convert_charrefs: true }) });
        this._run_check(s, [
          tuple("starttag", "title", []),
          tuple("data", "Egg "),
          tuple("entityref", "amp"),
          tuple("data", " Spam" + (end ? "" : tail)),
        ], { collector: new EventCollectorNoNormalize({ convert_charrefs: false }) });
      });
    }
  }

  test_comments() {
    const html = "<!-- I'm a valid comment -->" +
      "<!--me too!-->" +
      "<!------>" +
      "<!----->" +
      "<!---->" +
      // abrupt-closing-of-empty-comment
      "<!--->" +
      "<!-->" +
      "<!----I have many hyphens---->" +
      "<!-- I have a > in the middle -->" +
      "<!-- and I have -- in the middle! -->" +
      "<!--incorrectly-closed-comment--!>" +
      "<!----!>" +
      "<!----!-->" +
      "<!---- >-->" +
      "<!---!>-->" +
      "<!--!>-->" +
      // nested-comment
      "<!-- <!-- nested --> -->" +
      "<!--<!-->" +
      "<!--<!--!>" +
      // abruptly closed empty comment must not swallow later text
      "<!-->x-->" +
      "<!--->y-->";
    const expected = [
      tuple("comment", " I'm a valid comment "),
      tuple("comment", "me too!"),
      tuple("comment", "--"),
      tuple("comment", "-"),
      tuple("comment", ""),
      tuple("comment", ""),
      tuple("comment", ""),
      tuple("comment", "--I have many hyphens--"),
      tuple("comment", " I have a > in the middle "),
      tuple("comment", " and I have -- in the middle! "),
      tuple("comment", "incorrectly-closed-comment"),
      tuple("comment", ""),
      tuple("comment", "--!"),
      tuple("comment", "-- >"),
      tuple("comment", "-!>"),
      tuple("comment", "!>"),
      tuple("comment", " <!-- nested "),
      tuple("data", " -->"),
      tuple("comment", "<!"),
      tuple("comment", "<!"),
      tuple("comment", ""),
      tuple("data", "x-->"),
      tuple("comment", ""),
      tuple("data", "y-->"),
    ];
    this._run_check(html, expected);
  }

  test_condcoms() {
    const html = "<!--[if IE & !(lte IE 8)]>aren't<![endif]-->" +
      "<!--[if IE 8]>condcoms<![endif]-->" +
      "<!--[if lte IE 7]>pretty?<![endif]-->";
    const expected = [
      tuple("comment", "[if IE & !(lte IE 8)]>aren't<![endif]"),
      tuple("comment", "[if IE 8]>condcoms<![endif]"),
      tuple("comment", "[if lte IE 7]>pretty?<![endif]"),
    ];
    this._run_check(html, expected);
  }

  test_convert_charrefs() {
    // default value for convert_charrefs is now True
    const collector = () => new EventCollectorCharrefs();
    assertTrue(collector().convert_charrefs);
    const charrefs = ["&quot;", "&#34;", "&#x22;", "&quot", "&#34", "&#x22"];
    // check charrefs in the middle of the text
    let expected: unknown[] = [tuple("starttag", "a", []), tuple("data", 'a"z'), tuple("endtag", "a")];
    for (const charref of charrefs) {
      this._run_check(`<a>a${charref}z</a>`, expected, { collector: collector() });
    }
    // check charrefs at the beginning/end of the text
    expected = [
      tuple("data", '"'),
      tuple("starttag", "a", []),
      tuple("data", '"'),
      tuple("endtag", "a"),
      tuple("data", '"'),
    ];
    for (const charref of charrefs) {
      this._run_check(`${charref}<a>` + `${charref}</a>${charref}`, expected, { collector: collector() });
    }
    // check charrefs in <script>/<style> elements
    for (const charref of charrefs) {
      const text = [charref, charref, charref].join("X");
      const expected = [
        tuple("data", '"'),
        tuple("starttag", "script", []),
        tuple("data", text),
        tuple("endtag", "script"),
        tuple("data", '"'),
        tuple("starttag", "style", []),
        tuple("data", text),
        tuple("endtag", "style"),
        tuple("data", '"'),
      ];
      this._run_check(
        `${charref}<script>${text}</script>${charref}` + `<style>${text}</style>${charref}`,
        expected,
        { collector: collector() },
      );
    }
    // check truncated charrefs at the end of the file
    const html = "&quo &# &#x";
    for (let x = 1; x < html.length; x++) {
      this._run_check(html.slice(0, x), [tuple("data", html.slice(0, x))], { collector: collector() });
    }
    // check a string with no charrefs
    this._run_check("no charrefs here", [tuple("data", "no charrefs here")], { collector: collector() });
  }

  test_convert_charrefs_in_attribute_values() {
    // default value for convert_charrefs is now True
    const collector = () => new EventCollectorCharrefs();
    assertTrue(collector().convert_charrefs);

    // always unescape terminated entity refs, numeric and hex char refs:
    // - regardless whether they are at start, middle, end of attribute
    // - or followed by alphanumeric, non-alphanumeric, or equals char
    const charrefs = ["&cent;", "&#xa2;", "&#xa2", "&#162;", "&#162"];
    let expected: unknown[] = [
      tuple("starttag", "a", [
        tuple("x", "¢"),
        tuple("x", "z¢"),
        tuple("x", "¢z"),
        tuple("x", "z¢z"),
        tuple("x", "¢ z"),
        tuple("x", "¢=z"),
      ]),
      tuple("endtag", "a"),
    ];
    for (const charref of charrefs) {
      this._run_check(
        `<a x="${charref}" x="z${charref}" x="${charref}z" ` +
          `   x="z${charref}z" x="${charref} z" x="${charref}=z"></a>`,
        expected,
        { collector: collector() },
      );
    }

    // only unescape unterminated entity matches if they are not followed by
    // an alphanumeric or an equals sign
    const charref = "&cent";
    expected = [
      tuple("starttag", "a", [
        tuple("x", "¢"),
        tuple("x", "z¢"),
        tuple("x", "&centz"),
        tuple("x", "z&centz"),
        tuple("x", "¢ z"),
        tuple("x", "&cent=z"),
      ]),
      tuple("endtag", "a"),
    ];
    this._run_check(
      `<a x="${charref}" x="z${charref}" x="${charref}z" ` +
        `   x="z${charref}z" x="${charref} z" x="${charref}=z"></a>`,
      expected,
      { collector: collector() },
    );
  }

  // the remaining tests were for the "tolerant" parser (which is now
  // the default), and check various kind of broken markup
  test_tolerant_parsing() {
    this._run_check(
      "<html <html>te>>xt&a<<bc</a></html>\n" +
        '<img src="URL><//img></html</html>',
      [
        tuple("starttag", "html", [tuple("<html", null)]),
        tuple("data", "te>>xt"),
        tuple("entityref", "a"),
        tuple("data", "<"),
        tuple("starttag", "bc<", [tuple("a", null)]),
        tuple("endtag", "html"),
        tuple("data", "\n"),
      ],
    );
  }

  test_starttag_junk_chars() {
    this._run_check("<", [tuple("data", "<")]);
    this._run_check("<>", [tuple("data", "<>")]);
    this._run_check("< >", [tuple("data", "< >")]);
    this._run_check("< ", [tuple("data", "< ")]);
    this._run_check("</>", []);
    this._run_check("<$>", [tuple("data", "<$>")]);
    this._run_check("</$>", [tuple("comment", "$")]);
    this._run_check("</", [tuple("data", "</")]);
    this._run_check("</a", []);
    this._run_check("</ a>", [tuple("comment", " a")]);
    this._run_check("</ a", [tuple("comment", " a")]);
    this._run_check("<a<a>", [tuple("starttag", "a<a", [])]);
    this._run_check("</a<a>", [tuple("endtag", "a<a")]);
    this._run_check("<!", [tuple("comment", "")]);
    this._run_check("<a", []);
    this._run_check("<a foo='bar'", []);
    this._run_check("<a foo='bar", []);
    this._run_check("<a foo='>'", []);
    this._run_check("<a foo='>", []);
    this._run_check("<a$>", [tuple("starttag", "a$", [])]);
    this._run_check("<a$b>", [tuple("starttag", "a$b", [])]);
    this._run_check("<a$b/>", [tuple("startendtag", "a$b", [])]);
    this._run_check("<a$b  >", [tuple("starttag", "a$b", [])]);
    this._run_check("<a$b  />", [tuple("startendtag", "a$b", [])]);
    this._run_check("</a$b>", [tuple("endtag", "a$b")]);
  }

  test_slashes_in_starttag() {
    this._run_check('<a foo="var"/>', [tuple("startendtag", "a", [tuple("foo", "var")])]);
    let html = "<img width=902 height=250px " +
      'src="/sites/default/files/images/homepage/foo.jpg" ' +
      "/*what am I doing here*/ />";
    let expected: unknown[] = [tuple(
      "startendtag",
      "img",
      [
        tuple("width", "902"),
        tuple("height", "250px"),
        tuple("src", "/sites/default/files/images/homepage/foo.jpg"),
        tuple("*what", null),
        tuple("am", null),
        tuple("i", null),
        tuple("doing", null),
        tuple("here*", null),
      ],
    )];
    this._run_check(html, expected);
    html = "<a / /foo/ / /=/ / /bar/ / />" +
      "<a / /foo/ / /=/ / /bar/ / >";
    expected = [
      tuple("startendtag", "a", [tuple("foo", null), tuple("=", null), tuple("bar", null)]),
      tuple("starttag", "a", [tuple("foo", null), tuple("=", null), tuple("bar", null)]),
    ];
    this._run_check(html, expected);
    //see issue #14538
    html = "<meta><meta / ><meta // ><meta / / >" +
      "<meta/><meta /><meta //><meta//>";
    expected = [
      tuple("starttag", "meta", []),
      tuple("starttag", "meta", []),
      tuple("starttag", "meta", []),
      tuple("starttag", "meta", []),
      tuple("startendtag", "meta", []),
      tuple("startendtag", "meta", []),
      tuple("startendtag", "meta", []),
      tuple("startendtag", "meta", []),
    ];
    this._run_check(html, expected);
  }

  test_slashes_in_endtag() {
    this._run_check("</a/>", [tuple("endtag", "a")]);
    this._run_check('</a foo="var"/>', [tuple("endtag", "a")]);
  }

  test_declaration_junk_chars() {
    this._run_check("<!DOCTYPE foo $ >", [tuple("decl", "DOCTYPE foo $ ")]);
  }

  test_illegal_declarations() {
    this._run_check('<!spacer type="block" height="25">', [
      tuple("comment", 'spacer type="block" height="25"'),
    ]);
  }

  test_invalid_end_tags() {
    // A collection of broken end tags. <br> is used as separator.
    // see http://www.w3.org/TR/html5/tokenization.html#end-tag-open-state
    // and #13993
    const html = "<br></label</p><br></div end tmAd-leaderBoard><br></<h4><br>" +
      '</li class="unit"><br></li\r\n\t\t\t\t\t\t</ul><br></><br>';
    const expected = [
      tuple("starttag", "br", []),
      // < is part of the name, / is discarded, p is an attribute
      tuple("endtag", "label<"),
      tuple("starttag", "br", []),
      // text and attributes are discarded
      tuple("endtag", "div"),
      tuple("starttag", "br", []),
      // comment because the first char after </ is not a-zA-Z
      tuple("comment", "<h4"),
      tuple("starttag", "br", []),
      // attributes are discarded
      tuple("endtag", "li"),
      tuple("starttag", "br", []),
      // everything till ul (included) is discarded
      tuple("endtag", "li"),
      tuple("starttag", "br", []),
      // </> is ignored
      tuple("starttag", "br", []),
    ];
    this._run_check(html, expected);
  }

  test_broken_invalid_end_tag() {
    const html = '<b>This</b attr=">"> confuses the parser';
    const expected = [
      tuple("starttag", "b", []),
      tuple("data", "This"),
      tuple("endtag", "b"),
      tuple("data", " confuses the parser"),
    ];
    this._run_check(html, expected);
  }

  test_correct_detection_of_start_tags() {
    // see #13273
    let html = '<div style=""    ><b>The <a href="some_url">rain</a> ' +
      "<br /> in <span>Spain</span></b></div>";
    let expected: unknown[] = [
      tuple("starttag", "div", [tuple("style", "")]),
      tuple("starttag", "b", []),
      tuple("data", "The "),
      tuple("starttag", "a", [tuple("href", "some_url")]),
      tuple("data", "rain"),
      tuple("endtag", "a"),
      tuple("data", " "),
      tuple("startendtag", "br", []),
      tuple("data", " in "),
      tuple("starttag", "span", []),
      tuple("data", "Spain"),
      tuple("endtag", "span"),
      tuple("endtag", "b"),
      tuple("endtag", "div"),
    ];
    this._run_check(html, expected);

    html = '<div style="", foo = "bar" ><b>The <a href="some_url">rain</a>';
    expected = [
      tuple("starttag", "div", [tuple("style", ""), tuple(",", null), tuple("foo", "bar")]),
      tuple("starttag", "b", []),
      tuple("data", "The "),
      tuple("starttag", "a", [tuple("href", "some_url")]),
      tuple("data", "rain"),
      tuple("endtag", "a"),
    ];
    this._run_check(html, expected);
  }

  test_eof_in_comments() {
    const data: [string, unknown[]][] = [
      ["<!--", [tuple("comment", "")]],
      ["<!---", [tuple("comment", "")]],
      ["<!----", [tuple("comment", "")]],
      ["<!-----", [tuple("comment", "-")]],
      ["<!------", [tuple("comment", "--")]],
      ["<!----!", [tuple("comment", "")]],
      ["<!---!", [tuple("comment", "-!")]],
      ["<!---!>", [tuple("comment", "-!>")]],
      ["<!--foo", [tuple("comment", "foo")]],
      ["<!--foo-", [tuple("comment", "foo")]],
      ["<!--foo--", [tuple("comment", "foo")]],
      ["<!--foo--!", [tuple("comment", "foo")]],
      ["<!--<!--", [tuple("comment", "<!")]],
      ["<!--<!--!", [tuple("comment", "<!")]],
    ];
    for (const [html, expected] of data) {
      this._run_check(html, expected);
    }
  }

  test_eof_in_declarations() {
    const data: [string, unknown[]][] = [
      ["<!", [tuple("comment", "")]],
      ["<!-", [tuple("comment", "-")]],
      ["<![", [tuple("comment", "[")]],
      ["<!DOCTYPE", [tuple("decl", "DOCTYPE")]],
      ["<!DOCTYPE ", [tuple("decl", "DOCTYPE ")]],
      ["<!DOCTYPE html", [tuple("decl", "DOCTYPE html")]],
      ["<!DOCTYPE html ", [tuple("decl", "DOCTYPE html ")]],
      ["<!DOCTYPE html PUBLIC", [tuple("decl", "DOCTYPE html PUBLIC")]],
      ['<!DOCTYPE html PUBLIC "foo', [tuple("decl", 'DOCTYPE html PUBLIC "foo')]],
      [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "foo',
        [tuple("decl", 'DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "foo')],
      ],
    ];
    for (const [html, expected] of data) {
      this._run_check(html, expected);
    }
  }

  test_eof_in_cdata() {
    subTests("content", ["", "x", "x]", "x]]"], (content) => {
      this._run_check("<![CDATA[" + content, [tuple("unknown decl", "CDATA[" + content)]);
      this._run_check("<![CDATA[" + content, [tuple("comment", "[CDATA[" + content)], {
        collector: new EventCollector({ autocdata: true }),
      });
      this._run_check('<svg><text y="100"><![CDATA[' + content, [
        tuple("starttag", "svg", []),
        tuple("starttag", "text", [tuple("y", "100")]),
        tuple("unknown decl", "CDATA[" + content),
      ]);
    });
  }

  test_bogus_comments() {
    const html = "<!ELEMENT br EMPTY>" +
      "<! not really a comment >" +
      "<! not a comment either -->" +
      "<! -- close enough -->" +
      "<!><!<-- this was an empty comment>" +
      "<!!! another bogus comment !!!>" +
      // see #32876
      "<![with square brackets]!>" +
      "<![\nmultiline\nbogusness\n]!>" +
      "<![more brackets]-[and a hyphen]!>" +
      "<![cdata[should be uppercase]]>" +
      "<![CDATA [whitespaces are not ignored]]>" +
      "<![CDATA]]>"; // required '[' after CDATA
    const expected = [
      tuple("comment", "ELEMENT br EMPTY"),
      tuple("comment", " not really a comment "),
      tuple("comment", " not a comment either --"),
      tuple("comment", " -- close enough --"),
      tuple("comment", ""),
      tuple("comment", "<-- this was an empty comment"),
      tuple("comment", "!! another bogus comment !!!"),
      tuple("comment", "[with square brackets]!"),
      tuple("comment", "[\nmultiline\nbogusness\n]!"),
      tuple("comment", "[more brackets]-[and a hyphen]!"),
      tuple("comment", "[cdata[should be uppercase]]"),
      tuple("comment", "[CDATA [whitespaces are not ignored]]"),
      tuple("comment", "[CDATA]]"),
    ];
    this._run_check(html, expected);
  }

  test_broken_condcoms() {
    // these condcoms are missing the '--' after '<!' and before the '>'
    // and they are considered bogus comments according to
    // "8.2.4.42. Markup declaration open state"
    const html = "<![if !(IE)]>broken condcom<![endif]>" +
      '<![if ! IE]><link href="favicon.tiff"/><![endif]>' +
      '<![if !IE 6]><img src="firefox.png" /><![endif]>' +
      "<![if !ie 6]><b>foo</b><![endif]>" +
      '<![if (!IE)|(lt IE 9)]><img src="mammoth.bmp" /><![endif]>';
    const expected = [
      tuple("comment", "[if !(IE)]"),
      tuple("data", "broken condcom"),
      tuple("comment", "[endif]"),
      tuple("comment", "[if ! IE]"),
      tuple("startendtag", "link", [tuple("href", "favicon.tiff")]),
      tuple("comment", "[endif]"),
      tuple("comment", "[if !IE 6]"),
      tuple("startendtag", "img", [tuple("src", "firefox.png")]),
      tuple("comment", "[endif]"),
      tuple("comment", "[if !ie 6]"),
      tuple("starttag", "b", []),
      tuple("data", "foo"),
      tuple("endtag", "b"),
      tuple("comment", "[endif]"),
      tuple("comment", "[if (!IE)|(lt IE 9)]"),
      tuple("startendtag", "img", [tuple("src", "mammoth.bmp")]),
      tuple("comment", "[endif]"),
    ];
    this._run_check(html, expected);
  }

  test_cdata_section_content() {
    subTests("content", [
      "just some plain text",
      "<!-- not a comment -->",
      "&not-an-entity-ref;",
      "<not a='start tag'>",
      "",
      "[[I have many brackets]]",
      "I have a > in the middle",
      "I have a ]] in the middle",
      "] ]>",
      "]] >",
      "\n" +
      "    if (a < b && a > b) {\n" +
      '        printf("[<marquee>How?</marquee>]");\n' +
      "    }\n",
    ], (content) => {
      // See "13.2.5.42 Markup declaration open state",
      // "13.2.5.69 CDATA section state", and issue bpo-32876.
      const html = `<svg><text y="100"><![CDATA[${content}]]></text></svg>`;
      const expected = [
        tuple("starttag", "svg", []),
        tuple("starttag", "text", [tuple("y", "100")]),
        tuple("unknown decl", "CDATA[" + content),
        tuple("endtag", "text"),
        tuple("endtag", "svg"),
      ];
      this._run_check(html, expected);
      this._run_check(html, expected, { collector: new EventCollector({ autocdata: true }) });
    });
  }

  test_cdata_section() {
    // See "13.2.5.42 Markup declaration open state".
    const html = "<![CDATA[foo<br>bar]]>" +
      '<svg><text y="100"><![CDATA[foo<br>bar]]></text></svg>' +
      "<![CDATA[foo<br>bar]]>";
    const expected = [
      tuple("comment", "[CDATA[foo<br"),
      tuple("data", "bar]]>"),
      tuple("starttag", "svg", []),
      tuple("starttag", "text", [tuple("y", "100")]),
      tuple("unknown decl", "CDATA[foo<br>bar"),
      tuple("endtag", "text"),
      tuple("endtag", "svg"),
      tuple("comment", "[CDATA[foo<br"),
      tuple("data", "bar]]>"),
    ];
    this._run_check(html, expected, { collector: new EventCollector({ autocdata: true }) });
  }

  test_convert_charrefs_dropped_text() {
    // #23144: make sure that all the events are triggered when
    // convert_charrefs is True, even if we don't call .close()
    const parser = new EventCollector({ convert_charrefs: true });
    // before the fix, bar & baz was missing
    parser.feed("foo <a>link</a> bar &amp; baz");
    assertEqual(
      parser.get_events(),
      [
        tuple("data", "foo "),
        tuple("starttag", "a", []),
        tuple("data", "link"),
        tuple("endtag", "a"),
        tuple("data", " bar & baz"),
      ],
    );
  }

  // @support.requires_resource('cpu'): enabled outside regrtest, as when the file is run directly.
  test_eof_no_quadratic_complexity() {
    // Each of these examples used to take about an hour.
    // Now they take a fraction of a second.
    const check = (source: string) => {
      const parser = new html_parser.HTMLParser();
      parser.feed(source);
      parser.close();
    };
    const n = 120_000;
    check("<a ".repeat(n));
    check("<a a=".repeat(n));
    check("</a ".repeat(14 * n));
    check("</a a=".repeat(11 * n));
    check("<!--".repeat(4 * n));
    check("<!".repeat(60 * n));
    check("<?".repeat(19 * n));
    check("</$".repeat(15 * n));
    check("<![CDATA[".repeat(9 * n));
    check("<!doctype".repeat(35 * n));
  }

  // @support.requires_resource('cpu'), as above.
  test_incremental_no_quadratic_complexity() {
    // An unterminated construct fed in many small chunks used to take
    // quadratic time, both to rescan and to concatenate the buffer.
    // Now it takes a fraction of a second.
    const check = (prefix: string, chunk: string, suffix: string) => {
      const parser = new html_parser.HTMLParser();
      parser.feed(prefix);
      for (let _ = 0; _ < 200_000; _++) {
        parser.feed(chunk);
      }
      parser.feed(suffix);
      parser.close();
    };
    const chunk = "a".repeat(64);
    check("<!--", chunk, "-->"); // comment
    check("<?", chunk, ">"); // processing instruction
    check("<!doctype ", chunk, ">"); // doctype
    check("<![CDATA[", chunk, "]]>"); // CDATA section
    check("<a href='", chunk, "'>"); // start tag
    check("<script>", chunk, "</script>"); // RAWTEXT element
  }
}

class AttributesTestCase extends TestCaseBase {
  test_attr_syntax() {
    const output = [
      tuple("starttag", "a", [tuple("b", "v"), tuple("c", "v"), tuple("d", "v"), tuple("e", null)]),
    ];
    this._run_check(`<a b='v' c="v" d=v e>`, output);
    this._run_check("<a foo==bar>", [tuple("starttag", "a", [tuple("foo", "=bar")])]);
    this._run_check("<a foo =bar>", [tuple("starttag", "a", [tuple("foo", "bar")])]);
    this._run_check("<a foo\t=bar>", [tuple("starttag", "a", [tuple("foo", "bar")])]);
    this._run_check("<a foo\v=bar>", [tuple("starttag", "a", [tuple("foo\v", "bar")])]);
    this._run_check("<a foo\xa0=bar>", [tuple("starttag", "a", [tuple("foo\xa0", "bar")])]);
    this._run_check("<a foo= bar>", [tuple("starttag", "a", [tuple("foo", "bar")])]);
    this._run_check("<a foo=\tbar>", [tuple("starttag", "a", [tuple("foo", "bar")])]);
    this._run_check("<a foo=\vbar>", [tuple("starttag", "a", [tuple("foo", "\vbar")])]);
    this._run_check("<a foo=\xa0bar>", [tuple("starttag", "a", [tuple("foo", "\xa0bar")])]);
  }

  test_attr_values() {
    this._run_check(`<a b='xxx\n\txxx' c="yyy\t\nyyy" d='\txyz\n'>`, [
      tuple("starttag", "a", [tuple("b", "xxx\n\txxx"), tuple("c", "yyy\t\nyyy"), tuple("d", "\txyz\n")]),
    ]);
    this._run_check(`<a b='' c="">`, [tuple("starttag", "a", [tuple("b", ""), tuple("c", "")])]);
    this._run_check("<a b=\tx c=\ny>", [tuple("starttag", "a", [tuple("b", "x"), tuple("c", "y")])]);
    this._run_check("<a b=\v c=\xa0>", [tuple("starttag", "a", [tuple("b", "\v"), tuple("c", "\xa0")])]);
    // Regression test for SF patch #669683.
    this._run_check("<e a=rgb(1,2,3)>", [tuple("starttag", "e", [tuple("a", "rgb(1,2,3)")])]);
    // Regression test for SF bug #921657.
    this._run_check(
      "<a href=mailto:xyz@example.com>",
      [tuple("starttag", "a", [tuple("href", "mailto:xyz@example.com")])],
    );
  }

  test_attr_nonascii() {
    // see issue 7311
    this._run_check(
      "<img src=/foo/bar.png alt=\u4e2d\u6587>",
      [tuple("starttag", "img", [tuple("src", "/foo/bar.png"), tuple("alt", "\u4e2d\u6587")])],
    );
    this._run_check(
      "<a title='\u30c6\u30b9\u30c8' href='\u30c6\u30b9\u30c8.html'>",
      [tuple("starttag", "a", [
        tuple("title", "\u30c6\u30b9\u30c8"),
        tuple("href", "\u30c6\u30b9\u30c8.html"),
      ])],
    );
    this._run_check(
      '<a title="\u30c6\u30b9\u30c8" href="\u30c6\u30b9\u30c8.html">',
      [tuple("starttag", "a", [
        tuple("title", "\u30c6\u30b9\u30c8"),
        tuple("href", "\u30c6\u30b9\u30c8.html"),
      ])],
    );
  }

  test_attr_entity_replacement() {
    this._run_check(
      "<a b='&amp;&gt;&lt;&quot;&apos;'>",
      [tuple("starttag", "a", [tuple("b", "&><\"'")])],
    );
  }

  test_attr_funky_names() {
    this._run_check(
      "<a a.b='v' c:d=v e-f=v>",
      [tuple("starttag", "a", [tuple("a.b", "v"), tuple("c:d", "v"), tuple("e-f", "v")])],
    );
  }

  test_entityrefs_in_attributes() {
    this._run_check(
      "<html foo='&euro;&amp;&#97;&#x61;&unsupported;'>",
      [tuple("starttag", "html", [tuple("foo", "\u20AC&aa&unsupported;")])],
    );
  }

  test_attr_funky_names2() {
    this._run_check(
      String.raw`<a $><b $=%><c \=/>`,
      [
        tuple("starttag", "a", [tuple("$", null)]),
        tuple("starttag", "b", [tuple("$", "%")]),
        tuple("starttag", "c", [tuple("\\", "/")]),
      ],
    );
  }

  test_entities_in_attribute_value() {
    // see #1200313
    for (const entity of ["&", "&amp;", "&#38;", "&#x26;"]) {
      this._run_check(`<a href="${entity}">`, [tuple("starttag", "a", [tuple("href", "&")])]);
      this._run_check(`<a href='${entity}'>`, [tuple("starttag", "a", [tuple("href", "&")])]);
      this._run_check(`<a href=${entity}>`, [tuple("starttag", "a", [tuple("href", "&")])]);
    }
  }

  test_malformed_attributes() {
    // see #13357
    const html = "<a href=test'style='color:red;bad1'>test - bad1</a>" +
      "<a href=test'+style='color:red;ba2'>test - bad2</a>" +
      "<a href=test'&nbsp;style='color:red;bad3'>test - bad3</a>" +
      "<a href = test'&nbsp;style='color:red;bad4'  >test - bad4</a>";
    const expected = [
      tuple("starttag", "a", [tuple("href", "test'style='color:red;bad1'")]),
      tuple("data", "test - bad1"),
      tuple("endtag", "a"),
      tuple("starttag", "a", [tuple("href", "test'+style='color:red;ba2'")]),
      tuple("data", "test - bad2"),
      tuple("endtag", "a"),
      tuple("starttag", "a", [tuple("href", "test'\xa0style='color:red;bad3'")]),
      tuple("data", "test - bad3"),
      tuple("endtag", "a"),
      tuple("starttag", "a", [tuple("href", "test'\xa0style='color:red;bad4'")]),
      tuple("data", "test - bad4"),
      tuple("endtag", "a"),
    ];
    this._run_check(html, expected);
  }

  test_malformed_adjacent_attributes() {
    // see #12629
    this._run_check('<x><y z=""o"" /></x>', [
      tuple("starttag", "x", []),
      tuple("startendtag", "y", [tuple("z", ""), tuple('o""', null)]),
      tuple("endtag", "x"),
    ]);
    this._run_check('<x><y z="""" /></x>', [
      tuple("starttag", "x", []),
      tuple("startendtag", "y", [tuple("z", ""), tuple('""', null)]),
      tuple("endtag", "x"),
    ]);
  }

  // see #755670 for the following 3 tests
  test_adjacent_attributes() {
    this._run_check('<a width="100%"cellspacing=0>', [
      tuple("starttag", "a", [tuple("width", "100%"), tuple("cellspacing", "0")]),
    ]);

    this._run_check('<a id="foo"class="bar">', [
      tuple("starttag", "a", [tuple("id", "foo"), tuple("class", "bar")]),
    ]);
  }

  test_missing_attribute_value() {
    this._run_check("<a v=>", [tuple("starttag", "a", [tuple("v", "")])]);
  }

  test_javascript_attribute_value() {
    this._run_check("<a href=javascript:popup('/popup/help.html')>", [
      tuple("starttag", "a", [tuple("href", "javascript:popup('/popup/help.html')")]),
    ]);
  }

  test_end_tag_in_attribute_value() {
    // see #1745761
    this._run_check("<a href='http://www.example.org/\">;'>spam</a>", [
      tuple("starttag", "a", [tuple("href", 'http://www.example.org/">;')]),
      tuple("data", "spam"),
      tuple("endtag", "a"),
    ]);
  }

  test_with_unquoted_attributes() {
    // see #12008
    const html = "<html><body bgcolor=d0ca90 text='181008'>" +
      "<table cellspacing=0 cellpadding=1 width=100% ><tr>" +
      "<td align=left><font size=-1>" +
      "- <a href=/rabota/><span class=en> software-and-i</span></a>" +
      "- <a href='/1/'><span class=en> library</span></a></table>";
    const expected = [
      tuple("starttag", "html", []),
      tuple("starttag", "body", [tuple("bgcolor", "d0ca90"), tuple("text", "181008")]),
      tuple("starttag", "table", [
        tuple("cellspacing", "0"),
        tuple("cellpadding", "1"),
        tuple("width", "100%"),
      ]),
      tuple("starttag", "tr", []),
      tuple("starttag", "td", [tuple("align", "left")]),
      tuple("starttag", "font", [tuple("size", "-1")]),
      tuple("data", "- "),
      tuple("starttag", "a", [tuple("href", "/rabota/")]),
      tuple("starttag", "span", [tuple("class", "en")]),
      tuple("data", " software-and-i"),
      tuple("endtag", "span"),
      tuple("endtag", "a"),
      tuple("data", "- "),
      tuple("starttag", "a", [tuple("href", "/1/")]),
      tuple("starttag", "span", [tuple("class", "en")]),
      tuple("data", " library"),
      tuple("endtag", "span"),
      tuple("endtag", "a"),
      tuple("endtag", "table"),
    ];
    this._run_check(html, expected);
  }

  test_comma_between_attributes() {
    // see bpo 41478
    // HTMLParser preserves duplicate attributes, leaving the task of
    // removing duplicate attributes to a conformant html tree builder
    const html = "<div class=bar,baz=asd>" + // between attrs (unquoted)
      '<div class="bar",baz="asd">' + // between attrs (quoted)
      "<div class=bar, baz=asd,>" + // after values (unquoted)
      '<div class="bar", baz="asd",>' + // after values (quoted)
      '<div class="bar",>' + // one comma values (quoted)
      "<div class=,bar baz=,asd>" + // before values (unquoted)
      '<div class=,"bar" baz=,"asd">' + // before values (quoted)
      "<div ,class=bar ,baz=asd>" + // before names
      '<div class,="bar" baz,="asd">'; // after names
    const expected = [
      tuple("starttag", "div", [tuple("class", "bar,baz=asd")]),
      tuple("starttag", "div", [tuple("class", "bar"), tuple(",baz", "asd")]),
      tuple("starttag", "div", [tuple("class", "bar,"), tuple("baz", "asd,")]),
      tuple("starttag", "div", [
        tuple("class", "bar"),
        tuple(",", null),
        tuple("baz", "asd"),
        tuple(",", null),
      ]),
      tuple("starttag", "div", [tuple("class", "bar"), tuple(",", null)]),
      tuple("starttag", "div", [tuple("class", ",bar"), tuple("baz", ",asd")]),
      tuple("starttag", "div", [tuple("class", ',"bar"'), tuple("baz", ',"asd"')]),
      tuple("starttag", "div", [tuple(",class", "bar"), tuple(",baz", "asd")]),
      tuple("starttag", "div", [tuple("class,", "bar"), tuple("baz,", "asd")]),
    ];
    this._run_check(html, expected);
  }

  test_weird_chars_in_unquoted_attribute_values() {
    this._run_check("<form action=bogus|&#()value>", [
      tuple("starttag", "form", [tuple("action", "bogus|&#()value")]),
    ]);
  }
}

/** unittest's collection: every `test*` method of the class (and its bases), in sorted order. */
function register(cls: new () => TestCaseBase): void {
  const names = new Set<string>();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) if (name.startsWith("test")) names.add(name);
  }
  for (const name of [...names].sort()) {
    Deno.test(`${cls.name}.${name}`, () => {
      const self = new cls() as unknown as Record<string, () => void>;
      self[name]();
    });
  }
}

register(HTMLParserTestCase);
register(AttributesTestCase);

// TestInheritance patches `_markupbase.ParserBase.__init__` and `.reset` with unittest.mock to check that
// HTMLParser's constructor calls its base class's: `_markupbase` is CPython-private and has no counterpart here.
Deno.test({
  name: "TestInheritance.test_base_class_methods_called (ignored: _markupbase.ParserBase is CPython-private)",
  ignore: true,
  fn() {},
});
