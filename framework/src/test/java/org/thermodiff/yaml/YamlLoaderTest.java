package org.thermodiff.yaml;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("input.yaml"), text, StandardCharsets.UTF_8);
    }

    private YamlMap loadMap(String text) throws Exception {
        return assertInstanceOf(YamlMap.class, YamlLoader.load(write(text)));
    }

    /** Loads {@code file}, expecting exactly one problem. */
    private static Problem problem(Path file) {
        InputException e = assertThrows(InputException.class, () -> YamlLoader.load(file));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        Problem p = e.problems().get(0);
        assertEquals(file, p.mark().file(), "a problem names the file it is in");
        return p;
    }

    private static void assertMark(Mark mark, int line, int column) {
        assertEquals(line + ":" + column, mark.line() + ":" + mark.column(), () -> "mark " + mark);
    }

    private static void assertMentions(Problem p, String... parts) {
        String text = p.toString().toLowerCase(Locale.ROOT);
        for (String part : parts) {
            assertTrue(text.contains(part.toLowerCase(Locale.ROOT)), () -> "'" + part + "' not in: " + p);
        }
    }

    // ---- positions and values ------------------------------------------------------------

    @Test
    void load_marksKeysAndValuesWithOneBasedLineAndColumn() throws Exception {
        YamlMap root = loadMap("name: fig4\nsampler:\n  type: quadrature-1d\n  nodes:   1024\nlist: [a, bb]\n");

        assertMark(root.mark(), 1, 1);
        assertMark(root.keyMark("name"), 1, 1);
        assertMark(root.get("name").orElseThrow().mark(), 1, 7);
        assertMark(root.keyMark("sampler"), 2, 1);
        YamlMap sampler = assertInstanceOf(YamlMap.class, root.get("sampler").orElseThrow());
        assertMark(sampler.keyMark("type"), 3, 3);
        assertMark(sampler.get("type").orElseThrow().mark(), 3, 9);
        assertMark(sampler.keyMark("nodes"), 4, 3);
        assertMark(sampler.get("nodes").orElseThrow().mark(), 4, 12);
        YamlList list = assertInstanceOf(YamlList.class, root.get("list").orElseThrow());
        assertMark(list.mark(), 5, 7);
        assertMark(list.items().get(1).mark(), 5, 11);
        assertEquals(root.mark().file(), dir.resolve("input.yaml"));
    }

    @Test
    void load_keepsKeysInDocumentOrder() throws Exception {
        YamlMap root = loadMap("zeta: 1\nalpha: 2\nmid: 3\n");

        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(root.keys()));
    }

    @Test
    void load_resolvesCoreSchemaScalars() throws Exception {
        YamlMap root = loadMap("""
                int: 42
                negative: -7
                hex: 0x1F
                float: 2.5
                exponent: 1.0e-3
                infinity: -.inf
                yes: true
                off: off
                nothing: ~
                text: hello
                quoted: "42"
                """);

        assertAll(
                () -> assertEquals(42L, value(root, "int")),
                () -> assertEquals(-7L, value(root, "negative")),
                () -> assertEquals(31L, value(root, "hex")),
                () -> assertEquals(2.5, value(root, "float")),
                () -> assertEquals(1.0e-3, value(root, "exponent")),
                () -> assertEquals(Double.NEGATIVE_INFINITY, value(root, "infinity")),
                () -> assertEquals(Boolean.TRUE, value(root, "yes")),
                () -> assertEquals(Boolean.FALSE, value(root, "off")),
                () -> assertNull(value(root, "nothing")),
                () -> assertEquals("hello", value(root, "text")),
                () -> assertEquals("42", value(root, "quoted")));
    }

    private static Object value(YamlMap map, String key) {
        return assertInstanceOf(YamlScalar.class, map.get(key).orElseThrow()).value();
    }

    @Test
    void load_integerTooLargeForLong_isAProblemAtTheValue() throws Exception {
        Problem p = problem(write("nodes: 99999999999999999999999\n"));

        assertMark(p.mark(), 1, 8);
        assertEquals("nodes", p.key());
        assertMentions(p, "99999999999999999999999", "out of range");
    }

    // ---- keys ----------------------------------------------------------------------------

    @Test
    void load_duplicateKey_pointsAtSecondAndNamesLineOfFirst() throws Exception {
        Problem p = problem(write("name: a\ntau: 1\nsampler:\n  nodes: 4\n  type: x\n  nodes: 8\n"));

        assertMark(p.mark(), 6, 3);
        assertEquals("sampler.nodes", p.key());
        assertMentions(p, "duplicate key", "line 4");
    }

    @Test
    void load_duplicateTopLevelKey_isRejected() throws Exception {
        Problem p = problem(write("name: a\nname: b\n"));

        assertMark(p.mark(), 2, 1);
        assertEquals("name", p.key());
        assertMentions(p, "duplicate", "line 1");
    }

    @Test
    void load_mergeKey_isRejected() throws Exception {
        Problem p = problem(write("base: &b { type: gaussian, mean: 0 }\nprior:\n  <<: *b\n  mean: 1\n"));

        assertMark(p.mark(), 3, 3);
        assertEquals("prior", p.key());
        assertMentions(p, "merge key");
    }

    @Test
    void load_mapAsKey_isRejected() throws Exception {
        Problem p = problem(write("? [a, b]\n: 1\n"));

        assertMark(p.mark(), 1, 3);
        assertMentions(p, "keys must be plain strings");
    }

    @Test
    void load_nullKey_isRejected() throws Exception {
        Problem p = problem(write("~: 1\n"));

        assertMentions(p, "keys must be plain strings");
    }

    // ---- tags ----------------------------------------------------------------------------

    @Test
    void load_globalJavaTag_isRejectedWithoutConstructingAnything() throws Exception {
        Problem p = problem(write("name: x\nhack: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n"));

        assertEquals(2, p.mark().line());
        assertMentions(p, "javax.script.ScriptEngineManager", "not allowed");
    }

    @Test
    void load_globalTagOnScalar_isRejected() throws Exception {
        Problem p = problem(write("runtime: !!java.lang.Runtime x\n"));

        assertMark(p.mark(), 1, 10);
        assertMentions(p, "java.lang.Runtime", "not allowed");
    }

    @Test
    void load_localTag_isRejected() throws Exception {
        Problem p = problem(write("a: 1\nb: !foo bar\n"));

        assertMark(p.mark(), 2, 4);
        assertEquals("b", p.key());
        assertMentions(p, "!foo", "not allowed");
    }

    @Test
    void load_verbatimGlobalTag_isRejected() throws Exception {
        Problem p = problem(write("a: !<tag:example.com,2000:app/thing> x\n"));

        assertMentions(p, "tag:example.com,2000:app/thing", "not allowed");
    }

    @Test
    void load_explicitCoreTags_areAccepted() throws Exception {
        YamlMap root = loadMap("a: !!str 12\nb: !!float 3\nc: !!seq [1]\n");

        assertEquals("12", value(root, "a"));
        assertEquals(3.0, value(root, "b"));
        assertInstanceOf(YamlList.class, root.get("c").orElseThrow());
    }

    // ---- aliases -------------------------------------------------------------------------

    @Test
    void load_billionLaughs_isRejectedQuickly() throws Exception {
        Path file = write("""
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """);

        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problem(file));

        assertMentions(p, "alias");
    }

    @Test
    void load_aliasExpansionBeyondNodeLimit_isRejectedQuickly() throws Exception {
        // Few aliases (within MAX_ALIASES) but a large anchored list: expands past MAX_NODES.
        StringBuilder leaf = new StringBuilder("a: &a [");
        for (int i = 0; i < 1000; i++) {
            leaf.append(i == 0 ? "" : ",").append('x');
        }
        String text = leaf + "]\n"
                + "b: &b [*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b]\n"
                + "d: [*c,*c,*c,*c,*c]\n";
        Path file = write(text);

        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problem(file));

        assertMentions(p, String.valueOf(YamlLoader.MAX_NODES), "alias");
    }

    @Test
    void load_fewSmallAliases_areAccepted() throws Exception {
        YamlMap root = loadMap("base: &g { type: gaussian, mean: 0 }\nprior: *g\nlabel: &l hello\nagain: *l\n");

        YamlMap prior = assertInstanceOf(YamlMap.class, root.get("prior").orElseThrow());
        assertEquals("gaussian", value(prior, "type"));
        assertEquals("hello", value(root, "again"));
    }

    @Test
    void load_recursiveAlias_isRejected() throws Exception {
        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problem(write("a: &a [1, *a]\n")));

        assertMentions(p, "recursive");
    }

    @Test
    void load_undefinedAlias_isAProblemAtTheAlias() throws Exception {
        Problem p = problem(write("a: 1\nb: *nowhere\n"));

        assertMark(p.mark(), 2, 4);
        assertMentions(p, "nowhere");
    }

    // ---- malformed and odd files ---------------------------------------------------------

    @Test
    void load_unclosedFlowSequence_givesLineAndColumn() throws Exception {
        Problem p = problem(write("name: x\nmatrix:\n  schedule: [cosine, ot\nreport: [table]\n"));

        assertEquals(4, p.mark().line(), () -> "problem: " + p);
        assertTrue(p.mark().column() >= 1);
        assertMentions(p, "malformed YAML");
        assertTrue(p.toString().startsWith(dir.resolve("input.yaml") + ":4:"), p::toString);
    }

    @Test
    void load_badIndentation_givesLineAndColumn() throws Exception {
        Problem p = problem(write("sampler:\n  type: x\n    nodes: 4\n"));

        assertEquals(3, p.mark().line(), () -> "problem: " + p);
        assertMentions(p, "malformed YAML");
    }

    @Test
    void load_tabIndentation_isMalformed() throws Exception {
        Problem p = problem(write("sampler:\n\ttype: x\n"));

        assertEquals(2, p.mark().line(), () -> "problem: " + p);
        assertMentions(p, "malformed YAML");
    }

    @Test
    void load_emptyFile_isAProblem() throws Exception {
        Problem p = problem(write(""));

        assertMark(p.mark(), 1, 1);
        assertMentions(p, "empty");
    }

    @Test
    void load_onlyComments_isEmpty() throws Exception {
        Problem p = problem(write("# nothing here\n\n# still nothing\n"));

        assertMentions(p, "empty");
    }

    @Test
    void load_twoDocuments_pointsAtTheSecond() throws Exception {
        Problem p = problem(write("name: a\n---\nname: b\n"));

        assertEquals(3, p.mark().line());
        assertMentions(p, "one YAML document", "found 2");
    }

    @Test
    void load_documentStartMarkerAlone_isOneDocument() throws Exception {
        YamlMap root = loadMap("---\nname: a\n");

        assertMark(root.keyMark("name"), 2, 1);
    }

    @Test
    void load_nonUtf8Bytes_isAProblem() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Problem p = problem(file);

        assertMentions(p, "UTF-8");
    }

    @Test
    void load_utf8Text_isRead() throws Exception {
        YamlMap root = loadMap("name: café τ\n");

        assertEquals("café τ", value(root, "name"));
    }

    @Test
    void load_missingFile_isAProblemNamingTheFile() {
        Path file = dir.resolve("nope.yaml");

        Problem p = problem(file);

        assertMentions(p, "nope.yaml", "not found");
    }

    @Test
    void load_directory_isAProblemNotACrash() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.yaml"));

        Problem p = problem(sub);

        assertMentions(p, "sub.yaml");
    }

    @Test
    void load_nestingDeeperThanLimit_isRejected() throws Exception {
        int depth = YamlLoader.MAX_DEPTH + 10;
        Path file = write("a: " + "[".repeat(depth) + "]".repeat(depth) + "\n");

        Problem p = problem(file);

        assertMentions(p, "nesting");
    }

    @Test
    void load_fileLargerThanLimit_isRejected() throws Exception {
        Path file = write("a: \"" + "x".repeat(YamlLoader.MAX_CODE_POINTS + 10) + "\"\n");

        Problem p = problem(file);

        assertMentions(p, "code point");
    }

    @Test
    void parse_usesTheGivenFileNameInMarks() throws Exception {
        Path name = Path.of("virtual.yaml");

        InputException e = assertThrows(InputException.class, () -> YamlLoader.parse(name, "a: [1\n"));

        assertEquals(name, e.problems().get(0).mark().file());
        assertTrue(e.getMessage().startsWith("virtual.yaml:"), e::getMessage);
    }
}
