package io.jenkins.plugins.locust.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedAnnotationProcessorTest {
    @TempDir
    Path work;

    @Test
    void shouldListEachClassCarryingAnIndexedAnnotationByItsBinaryName() throws Exception {
        Path source = work.resolve("src/demo/Foo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package demo;\n"
                        + "@org.jenkinsci.Symbol(\"foo\") public class Foo {\n"
                        + "  @org.jenkinsci.Symbol({\"bar\", \"baz\"}) public static class Bar {}\n"
                        + "  public static class NotIndexed {}\n"
                        + "}\n");
        Path out = work.resolve("classes");
        Files.createDirectories(out);

        assertThat(compile(source, out)).isTrue();

        Path index = out.resolve("META-INF/services/annotations/org.jenkinsci.Symbol");
        assertThat(Files.readAllLines(index, StandardCharsets.UTF_8)).containsExactly("demo.Foo", "demo.Foo$Bar");
    }

    @Test
    void shouldWriteNothingWithoutIndexedAnnotations() throws Exception {
        Path source = work.resolve("src/demo/Plain.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo;\n@Deprecated public class Plain {}\n");
        Path out = work.resolve("classes");
        Files.createDirectories(out);

        assertThat(compile(source, out)).isTrue();

        assertThat(out.resolve("META-INF/services/annotations")).doesNotExist();
    }

    private static boolean compile(Path source, Path out) throws IOException, URISyntaxException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String stubs = Paths.get(Symbol.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
            JavaCompiler.CompilationTask task = compiler.getTask(
                    null, files, null, List.of("-classpath", stubs, "-d", out.toString(), "-proc:only"), null, units);
            task.setProcessors(List.of(new IndexedAnnotationProcessor()));
            return task.call();
        }
    }
}
